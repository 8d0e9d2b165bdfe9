package io.commentflow.spamfilter.classifier;

/** Three-way outcome of the statistical phase. */
public enum Verdict {
    /** Confidently spam: may be rejected without a human. */
    SPAM,
    /** In the uncertain band: hold for a moderator. */
    UNSURE,
    /** Publish. */
    HAM
}
