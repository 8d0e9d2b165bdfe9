package io.commentflow.spamfilter.classifier;

/**
 * Two cut points on the spam score: {@code score >= spamAt} is {@link Verdict#SPAM},
 * {@code score < hamBelow} is {@link Verdict#HAM}, anything between is {@link Verdict#UNSURE}.
 * {@code binaryAt} is the single "default" threshold used for plain spam/ham accuracy figures.
 */
public record Thresholds(double hamBelow, double spamAt, double binaryAt) {

    /**
     * {@link ThresholdRule#DEFAULT} applied to the out-of-fold scores of 3 x 10-fold CV on the
     * development split ({@code cv --seeds 1,2,3}: hamBelow 0.1037, spamAt 0.9810, binaryAt 0.23),
     * rounded. Nested CV (the rule re-run inside every training fold) chose medians 0.067 / 0.976
     * / 0.27. Scores are NB-LR outputs, not calibrated probabilities: hence the low binary cut.
     */
    public static final Thresholds DEFAULT = new Thresholds(0.10, 0.98, 0.23);

    public Thresholds {
        if (!(0 <= hamBelow && hamBelow <= spamAt && spamAt <= 1)) {
            throw new IllegalArgumentException("need 0 <= hamBelow <= spamAt <= 1, got " + hamBelow + ", " + spamAt);
        }
        if (!(0 <= binaryAt && binaryAt <= 1)) {
            throw new IllegalArgumentException("binaryAt must be in [0,1], got " + binaryAt);
        }
    }

    public Verdict verdict(double score) {
        if (score >= spamAt) {
            return Verdict.SPAM;
        }
        if (score < hamBelow) {
            return Verdict.HAM;
        }
        return Verdict.UNSURE;
    }

    public boolean isSpam(double score) {
        return score >= binaryAt;
    }
}
