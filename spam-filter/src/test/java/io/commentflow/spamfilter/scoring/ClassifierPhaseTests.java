package io.commentflow.spamfilter.scoring;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class ClassifierPhaseTests {

    /** The reason a moderator reads shows the probability exactly as {@code String.format("%.3f")} did. */
    @Test
    void writesTheProbabilityAsTheFormatterDid() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            assertSameAsFormatter(random.nextDouble());
            assertSameAsFormatter(random.nextDouble() * 1e-3);
            assertSameAsFormatter(1 - random.nextDouble() * 1e-3);
        }
        for (int k = 0; k <= 1000; k++) {
            for (double edge : new double[] {k / 1000.0, (k + 0.5) / 1000.0}) {
                double below = edge;
                double above = edge;
                for (int ulps = 0; ulps < 50; ulps++) {
                    assertSameAsFormatter(below);
                    assertSameAsFormatter(above);
                    below = Math.nextDown(below);
                    above = Math.nextUp(above);
                }
            }
        }
        for (double odd : new double[] {0.0, -0.0, 1.0, Double.MIN_VALUE, Math.nextUp(1.0), -1e-9, Double.NaN,
                0.0005, 0.0015, 0.9995, 0.1235, 0.4445}) {
            assertSameAsFormatter(odd);
        }
    }

    private static void assertSameAsFormatter(double p) {
        assertThat(ClassifierPhase.threeDecimals(p)).as("%s", p).isEqualTo(String.format(Locale.ROOT, "%.3f", p));
    }
}
