package io.commentflow.spamfilter.scoring;

import io.commentflow.events.Verdict;

import java.util.List;

/**
 * The verdict on one comment.
 *
 * @param score spam probability estimate, 0 (ham) to 1 (spam)
 */
public record Decision(Verdict verdict, double score, List<String> reasons, String classifierVersion) {
}
