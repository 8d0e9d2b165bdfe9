package io.commentflow.spamfilter.learning;

import io.commentflow.events.CommentModerated;

/**
 * Told of each moderator decision made while the service runs, once; not of the history {@link ModeratorLearning}
 * reads again at every start. Called on the learning thread: hand slow work off.
 */
public interface ModeratorDecisionListener {

    void on(CommentModerated decision);
}
