package io.commentflow.spamfilter.classifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Picks the two verdict thresholds from out-of-fold scores of the training data (never from test
 * data). Per data set: {@code spamAt} is set just above the ham score that would make the share
 * of ham marked SPAM exceed {@code maxHamMarkedSpam}; {@code hamBelow} just below the spam score
 * that would let more than {@code maxSpamPassed} of spam through as HAM. With several data sets
 * the strictest wins (highest spamAt, lowest hamBelow). Both are clamped to
 * {@code [minSpamAt, 1]} and {@code [0, maxHamBelow]}. The binary (default) threshold is the
 * one of 0.05, 0.06, ..., 0.95 with the best mean accuracy over the data sets (ties: nearest to
 * 0.5), or fixed at {@code binaryAt} when {@code tuneBinary} is false.
 */
public record ThresholdRule(Map<String, Double> maxHamMarkedSpam, Map<String, Double> maxSpamPassed,
                            double minSpamAt, double maxHamBelow, double binaryAt, boolean tuneBinary) {

    /** Half of each ham-marked-spam target and half of the spam-passed target on unseen data, as a safety margin. */
    public static final ThresholdRule DEFAULT = new ThresholdRule(
            Map.of("youtube", 0.0025, "sms", 0.001),
            Map.of("youtube", 0.015, "sms", 0.10),
            0.5, 0.5, 0.5, true);

    /** One out-of-fold score. */
    public record Scored(String source, boolean spam, double score) {
    }

    public Thresholds choose(List<Scored> oof) {
        double spamAt = minSpamAt;
        double hamBelow = maxHamBelow;
        for (Map.Entry<String, Double> e : maxHamMarkedSpam.entrySet()) {
            double[] ham = scores(oof, e.getKey(), false);
            if (ham.length == 0) {
                continue;
            }
            Arrays.sort(ham);
            int allowed = (int) Math.floor(e.getValue() * ham.length);
            // the (allowed+1)-th highest ham score must fall below spamAt
            double cut = ham[ham.length - 1 - allowed];
            spamAt = Math.max(spamAt, Math.nextUp(cut));
        }
        for (Map.Entry<String, Double> e : maxSpamPassed.entrySet()) {
            double[] spam = scores(oof, e.getKey(), true);
            if (spam.length == 0) {
                continue;
            }
            Arrays.sort(spam);
            int allowed = (int) Math.floor(e.getValue() * spam.length);
            // the (allowed+1)-th lowest spam score must be >= hamBelow
            double cut = spam[allowed];
            hamBelow = Math.min(hamBelow, cut);
        }
        spamAt = Math.min(spamAt, 1.0);
        hamBelow = Math.max(0, Math.min(hamBelow, spamAt));
        return new Thresholds(hamBelow, spamAt, tuneBinary ? bestBinary(oof) : binaryAt);
    }

    private static double bestBinary(List<Scored> oof) {
        Map<String, int[]> dummy = new java.util.TreeMap<>();
        for (Scored s : oof) {
            dummy.computeIfAbsent(s.source(), x -> new int[1])[0]++;
        }
        double best = 0.5;
        double bestAcc = -1;
        for (int t100 = 5; t100 <= 95; t100++) {
            double t = t100 / 100.0;
            Map<String, int[]> correct = new java.util.TreeMap<>();
            for (Scored s : oof) {
                int[] c = correct.computeIfAbsent(s.source(), x -> new int[1]);
                if ((s.score() >= t) == s.spam()) {
                    c[0]++;
                }
            }
            double acc = 0;
            for (Map.Entry<String, int[]> e : dummy.entrySet()) {
                acc += (double) correct.getOrDefault(e.getKey(), new int[1])[0] / e.getValue()[0];
            }
            acc /= dummy.size();
            if (acc > bestAcc + 1e-12 || (Math.abs(acc - bestAcc) <= 1e-12 && Math.abs(t - 0.5) < Math.abs(best - 0.5))) {
                bestAcc = acc;
                best = t;
            }
        }
        return best;
    }

    private static double[] scores(List<Scored> oof, String source, boolean spam) {
        List<Double> l = new ArrayList<>();
        for (Scored s : oof) {
            if (s.source().equals(source) && s.spam() == spam) {
                l.add(s.score());
            }
        }
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
