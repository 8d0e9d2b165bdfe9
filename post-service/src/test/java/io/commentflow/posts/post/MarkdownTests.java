package io.commentflow.posts.post;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownTests {

    private final Markdown markdown = new Markdown();

    @Test
    void rendersMarkdown() {
        assertThat(markdown.toHtml("# Lessons\n\nSome *emphasis* and a [link](https://example.com).\n\n- one\n- two"))
                .contains("<h1>Lessons</h1>")
                .contains("<em>emphasis</em>")
                .contains("href=\"https://example.com\">link</a>")
                .contains("<li>one</li>");
    }

    @Test
    void escapesRawHtmlAndDropsScriptLinks() {
        String html = markdown.toHtml("<script>alert('x')</script>\n\nInline <img src=x onerror=alert(1)> too.\n\n"
                + "[click](javascript:alert(1))");

        assertThat(html).doesNotContain("<script>").doesNotContain("<img")
                .contains("&lt;script&gt;")
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("javascript:");
    }

    @Test
    void rendersAPostBodyAgainOnlyWhenItChanged() {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        Post post = new Post(id, "s", "t", "*first*", "a", "a@example.com", true, true, now, now, now, null);
        assertThat(markdown.body(post)).contains("<em>first</em>");

        Post edited = new Post(id, "s", "t", "**second**", "a", "a@example.com", true, true, now, now, now, null);
        assertThat(markdown.body(edited)).contains("<strong>second</strong>");
    }
}
