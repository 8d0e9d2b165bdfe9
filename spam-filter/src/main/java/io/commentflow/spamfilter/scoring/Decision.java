package io.commentflow.spamfilter.scoring;

import io.commentflow.events.Verdict;

import java.util.List;

/**
 * The verdict on one comment.
 *
 * @param score spam probability estimate, 0 (ham) to 1 (spam)
 * @param phase the {@linkplain ScoringPhase#name() phase} that decided: for SPAM and UNSURE the first phase that
 *              argued for that verdict; for HAM the last phase that judged the comment (ran, and did more than
 *              remark that it could not judge), {@value #NO_PHASE} when none did
 */
public record Decision(Verdict verdict, double score, List<String> reasons, String classifierVersion, String phase) {

    public static final String NO_PHASE = "none";
}
