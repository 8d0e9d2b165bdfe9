package io.commentflow.spamfilter.scoring;

import io.commentflow.events.CommentSubmitted;

import java.util.List;

/**
 * One way of judging a comment: rules now; a statistical classifier and Akismet later. Phases run cheapest first.
 */
public interface ScoringPhase {

    /** What this phase finds in the comment; empty when it has nothing against it. */
    List<Finding> examine(CommentSubmitted comment);
}
