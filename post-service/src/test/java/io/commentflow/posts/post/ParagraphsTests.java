package io.commentflow.posts.post;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ParagraphsTests {

    @Test
    void splitsOnBlankLinesAndKeepsLineBreaks() {
        assertThat(Paragraphs.of("One\r\ntwo\n\n \n\nThree\n")).isEqualTo(List.of(List.of("One", "two"), List.of("Three")));
        assertThat(Paragraphs.of("  ")).isEmpty();
    }

    @Test
    void escapesEverythingWhenRenderingHtml() {
        assertThat(Paragraphs.toHtml("<b>bold</b> & \"quoted\"\nnext\n\nlast"))
                .isEqualTo("<p>&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;<br>\nnext</p>\n<p>last</p>");
    }
}
