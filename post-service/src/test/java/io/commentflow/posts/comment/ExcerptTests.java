package io.commentflow.posts.comment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExcerptTests {

    @Test
    void keepsShortTextAsPlainTextOnOneLine() {
        assertThat(Excerpt.of("<p>Hello <b>there</b> &amp; welcome</p>\n\nSecond")).isEqualTo("Hello there & welcome Second");
    }

    @Test
    void cutsLongTextAtAWordBoundary() {
        String excerpt = Excerpt.of("word ".repeat(100));

        assertThat(excerpt).endsWith("word…").hasSizeLessThanOrEqualTo(Excerpt.LENGTH + 1);
    }
}
