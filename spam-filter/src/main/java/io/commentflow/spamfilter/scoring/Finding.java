package io.commentflow.spamfilter.scoring;

import io.commentflow.events.Verdict;

/**
 * One thing a scoring phase noticed, the verdict it argues for and why, in words a moderator reads.
 *
 * @param verdict what the finding argues for, or null for a {@linkplain #remark remark}
 * @param score   the phase's spam probability estimate, or NaN when the phase has none (rules)
 */
public record Finding(Verdict verdict, String reason, double score) {

    public Finding(Verdict verdict, String reason) {
        this(verdict, reason, Double.NaN);
    }

    /**
     * A phase that could not judge saying why (Akismet down): the reason reaches the moderator, the verdict is left to
     * the other phases, and the phase does not count as having decided.
     */
    public static Finding remark(String reason) {
        return new Finding(null, reason, Double.NaN);
    }

    boolean isRemark() {
        return verdict == null;
    }
}
