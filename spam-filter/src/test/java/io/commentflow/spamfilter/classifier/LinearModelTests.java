package io.commentflow.spamfilter.classifier;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class LinearModelTests {

    /** A key whose home slot in a table of 32 slots is {@code slot}. */
    private static long keyAtHomeSlot(Random random, int slot) {
        long high = random.nextInt(1 << 20) + 1;
        return (high << 32) | ((high & 31) ^ slot);
    }

    /**
     * The decision value is the sum, in the vector's order, of each feature's weight times its value, bit for bit,
     * however the table's slots are shared: here 12 weights in 32 slots, keys chosen to pile up on three home slots,
     * the zero key among them (its home slot empty), and vectors of known and unknown keys.
     */
    @Test
    void marginIsTheOrderedSumOfWeightTimesValue() {
        Random random = new Random(5);
        long[] keys = new long[12];
        double[] weights = new double[12];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = i == 0 ? 0 : keyAtHomeSlot(random, 1 + i % 3); // slot 0, the zero key's home, stays empty
            weights[i] = random.nextGaussian();
        }
        LinearModel model = new LinearModel(keys, weights, 1.0);
        for (int round = 0; round < 10_000; round++) {
            int n = random.nextInt(40);
            long[] vk = new long[n];
            double[] vx = new double[n];
            for (int i = 0; i < n; i++) {
                vk[i] = random.nextBoolean() ? keys[random.nextInt(keys.length)] : keyAtHomeSlot(random, random.nextInt(6));
                vx[i] = random.nextDouble() - 0.5;
            }
            double expected = 0;
            for (int i = 0; i < n; i++) {
                expected += model.weight(vk[i]) * vx[i];
            }
            assertThat(model.margin(new FeatureExtractor.Vector(vk, vx))).isEqualTo(expected);
        }
        assertThat(model.weight(0)).isEqualTo(weights[0]);
        assertThat(model.margin(new FeatureExtractor.Vector(new long[] {0}, new double[] {1}))).isEqualTo(weights[0]);
        assertThat(model.weight(keys[5])).isEqualTo(weights[5]);
    }
}
