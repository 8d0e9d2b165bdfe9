package io.commentflow.spamfilter.classifier;

import java.util.Locale;

/**
 * Figures for one data set: binary accuracy/precision/recall/F1 at the default threshold and, for
 * the three-way verdict, the share of ham marked SPAM, of ham held UNSURE, of spam passed as HAM.
 * Shares are fractions in [0,1]; a ratio with an empty denominator is 0 (precision with no spam
 * predicted, recall with no spam present).
 */
public record Metrics(int count, double accuracy, double precision, double recall, double f1,
                      double hamMarkedSpam, double hamHeld, double spamPassed) {

    /** Counts per (truth, prediction) to build {@link Metrics} from. */
    public static final class Counter {
        private int tp, fp, tn, fn;
        private int ham, spam, hamSpam, hamUnsure, spamHam;

        public Counter add(boolean isSpam, boolean predictedSpam, Verdict verdict) {
            if (isSpam) {
                spam++;
                if (predictedSpam) {
                    tp++;
                } else {
                    fn++;
                }
                if (verdict == Verdict.HAM) {
                    spamHam++;
                }
            } else {
                ham++;
                if (predictedSpam) {
                    fp++;
                } else {
                    tn++;
                }
                if (verdict == Verdict.SPAM) {
                    hamSpam++;
                } else if (verdict == Verdict.UNSURE) {
                    hamUnsure++;
                }
            }
            return this;
        }

        public Counter add(boolean isSpam, double score, Thresholds t) {
            return add(isSpam, t.isSpam(score), t.verdict(score));
        }

        public Metrics metrics() {
            int n = ham + spam;
            double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
            double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new Metrics(n,
                    n == 0 ? 0 : (double) (tp + tn) / n,
                    precision, recall, f1,
                    ham == 0 ? 0 : (double) hamSpam / ham,
                    ham == 0 ? 0 : (double) hamUnsure / ham,
                    spam == 0 ? 0 : (double) spamHam / spam);
        }
    }

    public String toJson() {
        return String.format(Locale.ROOT,
                "{\"accuracy\": %.6f, \"precision\": %.6f, \"recall\": %.6f, \"f1\": %.6f, "
                        + "\"hamMarkedSpam\": %.6f, \"hamHeld\": %.6f, \"spamPassed\": %.6f, \"count\": %d}",
                accuracy, precision, recall, f1, hamMarkedSpam, hamHeld, spamPassed, count);
    }

    public String toText() {
        return String.format(Locale.ROOT,
                "  comments            %d%n"
                        + "  accuracy            %.2f %%%n"
                        + "  precision           %.2f %%%n"
                        + "  recall              %.2f %%%n"
                        + "  F1                  %.4f%n"
                        + "  ham marked SPAM     %.2f %%%n"
                        + "  ham held UNSURE     %.2f %%%n"
                        + "  spam passed as HAM  %.2f %%%n",
                count, 100 * accuracy, 100 * precision, 100 * recall, f1,
                100 * hamMarkedSpam, 100 * hamHeld, 100 * spamPassed);
    }
}
