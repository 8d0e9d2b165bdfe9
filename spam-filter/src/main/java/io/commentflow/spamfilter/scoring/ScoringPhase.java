package io.commentflow.spamfilter.scoring;

import io.commentflow.events.CommentSubmitted;

import java.util.List;

/**
 * One way of judging a comment: rules, known spammers, the statistical classifier, Akismet. Phases run cheapest first.
 */
public interface ScoringPhase {

    /**
     * A short name for metrics and logs ({@code rules}, {@code known-spammers}, {@code classifier}, {@code akismet}):
     * the {@code phase} tag of {@code commentflow_comments_scored_total} names the phase that decided.
     */
    String name();

    /** What this phase finds in the comment; empty when it has nothing against it. */
    List<Finding> examine(CommentSubmitted comment);

    /**
     * The same, for a phase that weighs what the phases before it found (Akismet's "spam" counts for more when the
     * local phases had doubts too). The others ignore {@code earlier}.
     */
    default List<Finding> examine(CommentSubmitted comment, List<Finding> earlier) {
        return examine(comment);
    }
}
