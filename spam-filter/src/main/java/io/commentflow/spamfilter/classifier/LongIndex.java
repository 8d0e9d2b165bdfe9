package io.commentflow.spamfilter.classifier;

import java.util.Arrays;

/** Open-addressing map from a 64-bit feature key to a dense id 0..size-1 (training only, not thread-safe). */
final class LongIndex {
    private long[] keys;
    private int[] ids;
    private int size;
    private int zeroId = -1;

    LongIndex(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        ids = new int[cap];
        Arrays.fill(ids, -1);
    }

    int size() {
        return size;
    }

    /** Id of the key, assigning the next id if new. */
    int idOf(long key) {
        if (key == 0) {
            if (zeroId < 0) {
                zeroId = size++;
            }
            return zeroId;
        }
        int mask = keys.length - 1;
        int i = (int) key & mask;
        while (ids[i] >= 0) {
            if (keys[i] == key) {
                return ids[i];
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        ids[i] = size++;
        if (size * 2 > keys.length) {
            grow();
        }
        return size - 1;
    }

    /** Calls {@code f(key, id)} for each entry. */
    void forEach(java.util.function.BiConsumer<Long, Integer> f) {
        if (zeroId >= 0) {
            f.accept(0L, zeroId);
        }
        for (int i = 0; i < keys.length; i++) {
            if (ids[i] >= 0) {
                f.accept(keys[i], ids[i]);
            }
        }
    }

    long[] keysById() {
        long[] out = new long[size];
        if (zeroId >= 0) {
            out[zeroId] = 0;
        }
        for (int i = 0; i < keys.length; i++) {
            if (ids[i] >= 0) {
                out[ids[i]] = keys[i];
            }
        }
        return out;
    }

    private void grow() {
        long[] ok = keys;
        int[] oi = ids;
        keys = new long[ok.length * 2];
        ids = new int[ok.length * 2];
        Arrays.fill(ids, -1);
        int mask = keys.length - 1;
        for (int j = 0; j < ok.length; j++) {
            if (oi[j] >= 0) {
                int i = (int) ok[j] & mask;
                while (ids[i] >= 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = ok[j];
                ids[i] = oi[j];
            }
        }
    }
}
