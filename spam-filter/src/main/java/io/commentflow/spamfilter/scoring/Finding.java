package io.commentflow.spamfilter.scoring;

import io.commentflow.events.Verdict;

/**
 * One thing a scoring phase noticed, the verdict it argues for and why, in words a moderator reads.
 *
 * @param score the phase's spam probability estimate, or NaN when the phase has none (rules)
 */
public record Finding(Verdict verdict, String reason, double score) {

    public Finding(Verdict verdict, String reason) {
        this(verdict, reason, Double.NaN);
    }
}
