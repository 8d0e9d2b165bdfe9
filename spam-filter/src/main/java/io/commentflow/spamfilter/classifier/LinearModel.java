package io.commentflow.spamfilter.classifier;

/**
 * An immutable linear model over hashed features: {@code p = 1 / (1 + exp(-scale * w.x))}.
 * Weights live in an open-addressing table (16 bytes per slot, load factor &lt;= 0.5), so
 * scoring allocates nothing and is safe from any number of threads.
 */
public final class LinearModel implements Learner.Scorer {

    /** Slot i holds the key at [2i] and the weight's double bits at [2i+1]: one cache line per probe. */
    private final long[] table;
    private final int mask;
    private final double zeroKeyWeight;
    private final int size;
    private final double scale;

    /** @param keys feature keys, {@code weights[i]} belongs to {@code keys[i]}; zero weights are dropped */
    public LinearModel(long[] keys, double[] weights, double scale) {
        int n = 0;
        for (double w : weights) {
            if (w != 0) {
                n++;
            }
        }
        int cap = Integer.highestOneBit(Math.max(16, n * 2 - 1)) << 1;
        this.table = new long[2 * cap];
        this.mask = cap - 1;
        double zero = 0;
        for (int j = 0; j < keys.length; j++) {
            if (weights[j] == 0) {
                continue;
            }
            if (keys[j] == 0) {
                zero = weights[j];
                continue;
            }
            int i = slot(keys[j]);
            while (table[2 * i] != 0 && table[2 * i] != keys[j]) {
                i = (i + 1) & mask;
            }
            table[2 * i] = keys[j];
            table[2 * i + 1] = Double.doubleToRawLongBits(weights[j]);
        }
        this.zeroKeyWeight = zero;
        this.size = n;
        this.scale = scale;
    }

    /** Weight of a feature key (0 if unknown). */
    public double weight(long key) {
        if (key == 0) {
            return zeroKeyWeight;
        }
        int i = slot(key);
        long k;
        while ((k = table[2 * i]) != 0) {
            if (k == key) {
                return Double.longBitsToDouble(table[2 * i + 1]);
            }
            i = (i + 1) & mask;
        }
        return 0;
    }

    private int slot(long key) {
        return (int) (key ^ (key >>> 32)) & mask;
    }

    /** The decision value w.x. */
    public double margin(FeatureExtractor.Vector v) {
        double z = 0;
        long[] k = v.keys();
        double[] x = v.values();
        for (int i = 0; i < k.length; i++) {
            z += weight(k[i]) * x[i];
        }
        return z;
    }

    @Override
    public double score(FeatureExtractor.Vector v) {
        return 1.0 / (1.0 + Math.exp(-scale * margin(v)));
    }

    @Override
    public int size() {
        return size;
    }

    /** Approximate heap footprint in bytes. */
    public long bytes() {
        return table.length * 8L + 64;
    }
}
