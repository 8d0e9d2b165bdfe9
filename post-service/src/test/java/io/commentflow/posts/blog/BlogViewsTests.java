package io.commentflow.posts.blog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BlogViewsTests {

    @Test
    void countsThoughtsTheWayTheBlogDoes() {
        assertThat(BlogViews.heading(0, "Title")).isEqualTo("No thoughts yet");
        assertThat(BlogViews.heading(1, "Title")).isEqualTo("One thought on “Title”");
        assertThat(BlogViews.heading(12, "Title")).isEqualTo("12 thoughts on “Title”");
    }
}
