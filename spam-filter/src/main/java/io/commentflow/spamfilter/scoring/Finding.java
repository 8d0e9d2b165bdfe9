package io.commentflow.spamfilter.scoring;

import io.commentflow.events.Verdict;

/** One thing a scoring phase noticed, the verdict it argues for and why, in words a moderator reads. */
public record Finding(Verdict verdict, String reason) {
}
