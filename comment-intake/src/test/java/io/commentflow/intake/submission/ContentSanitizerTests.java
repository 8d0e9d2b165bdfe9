package io.commentflow.intake.submission;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentSanitizerTests {

    @Test
    void keepsWordPressCommenterTagsAndMarksLinksNofollowUgc() {
        String html = ContentSanitizer.sanitize("<b>bold</b> <i>it</i> <em>em</em> <strong>s</strong> <code>x</code> "
                + "<del>d</del> <s>s</s> <strike>k</strike> <q>q</q> <cite>c</cite> <abbr title=\"t\">a</abbr> "
                + "<blockquote cite=\"https://example.org/\">quote</blockquote> "
                + "<a href=\"https://example.org/\" title=\"home\">link</a>");

        assertThat(html).isEqualTo("<b>bold</b> <i>it</i> <em>em</em> <strong>s</strong> <code>x</code> "
                + "<del>d</del> <s>s</s> <strike>k</strike> <q>q</q> <cite>c</cite> <abbr title=\"t\">a</abbr> "
                + "<blockquote cite=\"https://example.org/\">quote</blockquote> "
                + "<a href=\"https://example.org/\" title=\"home\" rel=\"nofollow ugc\">link</a>");
    }

    @Test
    void dropsScriptsStylesAndFramesWithTheirContentAndOtherTagsKeepingTheirText() {
        assertThat(ContentSanitizer.sanitize("Hi<script>alert(1)</script> <p>there</p><img src=x onerror=alert(1)>"))
                .isEqualTo("Hi there");
        assertThat(ContentSanitizer.sanitize("<style>p{}</style><iframe src=\"https://evil.example\">x</iframe>ok"))
                .isEqualTo("ok");
    }

    @Test
    void removesDangerousAttributesAndUrls() {
        assertThat(ContentSanitizer.sanitize("<a href=\"javascript:alert(1)\" onclick=\"x()\">click</a>"))
                .isEqualTo("click");
        assertThat(ContentSanitizer.sanitize("<b onmouseover=\"x()\" style=\"color:red\">b</b>")).isEqualTo("<b>b</b>");
    }

    @Test
    void escapesTextButKeepsItReadable() {
        assertThat(ContentSanitizer.sanitize("I'd say 1 < 2 & \"quotes\" + a=b @ada `x`"))
                .isEqualTo("I'd say 1 &lt; 2 &amp; &#34;quotes&#34; + a=b @ada `x`");
    }

    @Test
    void normalisesToNfcAndRemovesControlCharactersButKeepsLineBreaks() {
        assertThat(ContentSanitizer.normalise("Cafe\u0301\u0000\u0007 ok\r\nnext\rline\tx\u0085"))
                .isEqualTo("Café ok\nnext\nline\tx");
        assertThat(ContentSanitizer.sanitize("one\n\ntwo")).isEqualTo("one\n\ntwo");
    }

    @Test
    void dropsUnpairedSurrogatesAndKeepsEmoji() {
        assertThat(ContentSanitizer.withoutLoneSurrogates("a\ud800b\udc00c\ud83d\ude00")).isEqualTo("abc\ud83d\ude00");
    }

    @Test
    void tellsWhetherAnyTextIsLeft() {
        assertThat(ContentSanitizer.hasText(ContentSanitizer.sanitize("<script>alert(1)</script>"))).isFalse();
        assertThat(ContentSanitizer.hasText(ContentSanitizer.sanitize("<b> </b>\u00a0"))).isFalse();
        assertThat(ContentSanitizer.hasText(ContentSanitizer.sanitize("<b>x</b>"))).isTrue();
    }
}
