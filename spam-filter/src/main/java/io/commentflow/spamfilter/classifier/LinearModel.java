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

    /**
     * The decision value w.x, summed in the vector's order. The table is megabytes, so a feature's weight is often a
     * cache miss: a first pass reads every feature's home slot with loads that do not wait on each other, so the misses
     * overlap, and settles most features there (found, or an empty slot: weight 0); the sum then probes on for the
     * rest, whose slots are in cache by now. (Twice as fast as one lookup after another once other work has evicted
     * the table, as it has between two comments in the service.)
     */
    public double margin(FeatureExtractor.Vector v) {
        long[] k = v.keys();
        double[] x = v.values();
        int n = k.length;
        double[] w = WEIGHTS.get();
        if (w.length < n) {
            w = new double[Math.max(n, 2 * w.length)];
            if (n <= KEEP_WEIGHTS) {
                WEIGHTS.set(w);
            }
        }
        for (int i = 0; i < n; i++) {
            long key = k[i];
            int s = 2 * slot(key);
            long found = table[s];
            w[i] = found == key && key != 0 ? Double.longBitsToDouble(table[s + 1])
                    : found == 0 && key != 0 ? 0 : Double.NaN; // NaN: look further
        }
        double z = 0;
        for (int i = 0; i < n; i++) {
            double weight = w[i];
            if (Double.isNaN(weight)) {
                weight = weight(k[i]);
            }
            z += weight * x[i];
        }
        return z;
    }

    /** Each thread's room for the weights of one vector, kept up to this many. */
    private static final int KEEP_WEIGHTS = 1 << 15;
    private static final ThreadLocal<double[]> WEIGHTS = ThreadLocal.withInitial(() -> new double[1024]);

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
