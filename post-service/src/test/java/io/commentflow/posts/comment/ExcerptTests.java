package io.commentflow.posts.comment;

import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;

import java.util.Random;

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

    @Test
    void givesWhatTheRegularExpressionsGaveOnAnyText() {
        String[] pieces = {"a", "word", " ", "  ", "\t", "\n", "\r\n", "\u000B", "\f", "\u00A0", "\u2003", "<", ">", "<p>",
                "</b>", "<a href=\"x\">", "&", "&amp;", "&lt;", "&#10;", "&#x20;", "&nbsp;", "&bogus;", "é", "😀", "…", "."};
        Random random = new Random(7);
        for (int run = 0; run < 20_000; run++) {
            StringBuilder text = new StringBuilder();
            int count = random.nextInt(120);
            for (int i = 0; i < count; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            int length = 1 + random.nextInt(Excerpt.LENGTH);
            assertThat(Excerpt.of(text.toString(), length)).as("%s", text).isEqualTo(withRegularExpressions(text.toString(), length));
        }
    }

    /** How excerpts were made before they were made per stored comment in a batch. */
    private static String withRegularExpressions(String content, int length) {
        String text = HtmlUtils.htmlUnescape(content.replaceAll("<[^>]*>", " ")).replaceAll("\\s+", " ").strip();
        if (text.codePointCount(0, text.length()) <= length) {
            return text;
        }
        String cut = text.substring(0, text.offsetByCodePoints(0, length));
        int space = cut.lastIndexOf(' ');
        if (space > length / 2) {
            cut = cut.substring(0, space);
        }
        return cut.stripTrailing() + "…";
    }
}
