package io.commentflow.posts.system;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PublicViewsTests {

    private final PublicViews views = new PublicViews();
    private final UUID post = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void aCommentChangeMovesOnlyItsPostsVersion() {
        long before = views.version(post);
        long otherBefore = views.version(other);

        views.commentsChanged(post);

        assertThat(views.version(post)).isGreaterThan(before);
        assertThat(views.version(other)).isEqualTo(otherBefore);
    }

    @Test
    void aPostChangeMovesEveryPostsVersion() {
        views.commentsChanged(post);
        long before = views.version(post);
        long otherBefore = views.version(other);
        long postsBefore = views.postsVersion();

        views.postsChanged();

        assertThat(views.version(post)).isGreaterThan(before);
        assertThat(views.version(other)).isGreaterThan(otherBefore);
        assertThat(views.postsVersion()).isGreaterThan(postsBefore);
    }

    @Test
    void aChangeInATransactionMovesTheVersionAgainOnceCommitted() {
        // given: a transaction changes the post's comments
        TransactionSynchronizationManager.initSynchronization();
        views.commentsChanged(post);
        long whileUncommitted = views.version(post);

        // when: it commits
        TransactionSynchronizationUtils.triggerAfterCommit();

        // then: whatever was cached meanwhile, from the still uncommitted state, is not served again
        assertThat(views.version(post)).isGreaterThan(whileUncommitted);
    }
}
