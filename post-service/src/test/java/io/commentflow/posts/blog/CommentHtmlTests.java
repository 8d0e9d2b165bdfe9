package io.commentflow.posts.blog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommentHtmlTests {

    @Test
    void keepsTheCommenterAllowlistAndMakesParagraphs() {
        String html = CommentHtml.render("I <strong>agree</strong> &amp; so does <a href=\"https://x.example\">she</a>.\nSecond line\n\nNew paragraph");

        assertThat(html).isEqualTo("<p>I <strong>agree</strong> &amp; so does "
                + "<a href=\"https://x.example\" rel=\"nofollow ugc\">she</a>.<br>\nSecond line</p>\n<p>New paragraph</p>");
    }

    @Test
    void neverLetsScriptThroughEvenIfAnEventCarriesIt() {
        String html = CommentHtml.render("<script>alert(1)</script><img src=x onerror=alert(2)>"
                + "<a href=\"javascript:alert(3)\">x</a> hi");

        assertThat(html).doesNotContain("<script", "alert(1)", "<img", "onerror", "javascript:").contains("hi");
    }

    @Test
    void showsPlainTextWithMarkupCharactersEscaped() {
        assertThat(CommentHtml.render("1 < 2 > 0")).isEqualTo("<p>1 &lt; 2 &gt; 0</p>");
    }
}
