package io.commentflow.spamfilter.classifier;

import org.apache.commons.text.StringEscapeUtils;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class TextCleanerTests {

    private static final String[] FRAGMENTS = {
        "&amp;", "&lt;", "&gt;", "&quot;", "&#34;", "&#39;", "&#039;", "&#0039;", "&#x27;", "&#X27;", "&#0;", "&#65;",
        "&#65535;", "&#65536;", "&#128512;", "&#9999999;", "&#99999999999;", "&#;", "&#", "&", "&amp", "&lt", "&nbsp;",
        "&eacute;", "&AMP;", "&Amp;", "&#55357;", "&#56832;", "&#12a;", "&#1a;", "&#x1F600;", "&#12 ;", "&&", "&#&#39;",
        "&amp;lt;", "a", "b", " ", "é", "😀", "\uD83D", ";", "#", "x", "1", "<3", "\"", "'",
    };

    /**
     * Decoding HTML references by hand gives exactly what commons-text's unescapeHtml4 gave, whatever the text; where
     * commons-text fails (a reference beyond Unicode), it still decodes, never throws.
     */
    @Test
    void decodesReferencesExactlyAsCommonsTextDoes() {
        Random random = new Random(11);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = random.nextInt(10); n > 0; n--) {
                sb.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            }
            String text = sb.toString();
            String expected = outcome(() -> StringEscapeUtils.unescapeHtml4(text));
            String decoded = TextCleaner.unescapeHtml(text);
            if (expected.startsWith(IllegalArgumentException.class.getName())) {
                assertThat(decoded).as(text).contains("\uFFFD");
            } else {
                assertThat(decoded).as(text).isEqualTo(expected);
            }
        }
    }

    /** A comment with a reference beyond Unicode once failed scoring on every retry and ended in the dead letters. */
    @Test
    void readsReferencesBeyondUnicodeAsReplacementCharacters() {
        assertThat(TextCleaner.htmlToText("win &#9999999; now &amp; &#x110000 &#1114112abc &#65;"))
                .isEqualTo("win \uFFFD now & \uFFFD \uFFFDabc A");
        assertThat(TextCleaner.htmlToText("<a href=\"http://x.test/&#9999999;\">&#x110000;</a>"))
                .isEqualTo("\uFFFD http://x.test/\uFFFD");
    }

    private static String outcome(Supplier<String> decode) {
        try {
            return decode.get();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    @Test
    void turnsStoredCommentHtmlIntoPlainText() {
        assertThat(TextCleaner.htmlToText("Tom &amp; Jerry say &#34;hi&#34; &lt;3<br />bye&#39;"))
                .isEqualTo("Tom & Jerry say \"hi\" <3\nbye'");
        assertThat(TextCleaner.htmlToText("see <a href=\"http://x.example/a?b=1&amp;c=2\" rel=\"nofollow ugc\">my site</a>"))
                .isEqualTo("see  my site http://x.example/a?b=1&c=2");
    }
}
