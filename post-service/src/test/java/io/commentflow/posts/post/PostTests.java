package io.commentflow.posts.post;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PostTests {

    private static final Instant PUBLISHED = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void commentsCloseNDaysAfterPublication() {
        Post post = post(true, true, PUBLISHED, 14);

        assertThat(post.commentWindowEnd()).isEqualTo(PUBLISHED.plus(Duration.ofDays(14)));
        assertThat(post.acceptsComments(PUBLISHED.plus(Duration.ofDays(14)).minusMillis(1))).isTrue();
        assertThat(post.acceptsComments(PUBLISHED.plus(Duration.ofDays(14)))).isFalse();
        assertThat(post.commentsOpenAt(PUBLISHED.plus(Duration.ofDays(15)))).isFalse();
    }

    @Test
    void acceptsCommentsOnlyWhenPublishedAndOpen() {
        Instant later = PUBLISHED.plus(Duration.ofDays(1000));
        assertThat(post(true, true, PUBLISHED, null).acceptsComments(later)).isTrue();
        assertThat(post(true, false, PUBLISHED, null).acceptsComments(later)).isFalse();
        assertThat(post(false, true, null, 3).acceptsComments(later)).isFalse();
        assertThat(post(false, true, null, 3).commentWindowEnd()).isNull();
    }

    @Test
    void checksEveryFieldAndNamesTheWrongOnes() {
        assertThat(PostRules.check(new PostEdit("a-good-slug", "Title", "", "Author", "a@blog.example", true, 14))).isEmpty();
        assertThat(PostRules.check(new PostEdit("Bad Slug", " ", null, "", "no-email", true, 0)))
                .containsOnlyKeys("slug", "title", "body", "authorName", "authorEmail", "closeCommentsAfterDays");
    }

    private static Post post(boolean published, boolean open, Instant publishedAt, Integer days) {
        return new Post(UUID.randomUUID(), "slug", "Title", "", "Author", "a@blog.example", open, published,
                PUBLISHED, PUBLISHED, publishedAt, days);
    }
}
