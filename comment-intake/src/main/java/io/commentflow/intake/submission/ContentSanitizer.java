package io.commentflow.intake.submission;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes comment text safe and canonical: Unicode NFC, no control characters (line breaks and tabs stay), and HTML
 * reduced by the OWASP Java HTML Sanitizer to what WordPress lets commenters use ({@code a href title}, {@code abbr},
 * {@code b}, {@code blockquote cite}, {@code cite}, {@code code}, {@code del}, {@code em}, {@code i}, {@code q},
 * {@code s}, {@code strike}, {@code strong}), links marked {@code rel="nofollow ugc"}. Disallowed tags go and their
 * text stays, except {@code script} and {@code style}, whose content is dropped. The result is HTML: text
 * characters {@code & < > "} arrive escaped.
 */
final class ContentSanitizer {

    private static final PolicyFactory COMMENTER = new HtmlPolicyBuilder()
            .allowElements("a", "abbr", "b", "blockquote", "cite", "code", "del", "em", "i", "q", "s", "strike", "strong")
            .allowAttributes("href", "title").onElements("a")
            .allowAttributes("title").onElements("abbr")
            .allowAttributes("cite").onElements("blockquote")
            .allowUrlProtocols("http", "https", "mailto")
            .requireRelsOnLinks("nofollow", "ugc")
            .toFactory();

    // The sanitizer writes many characters as numeric references (' @ + = ` and everything beyond the BMP, such as
    // emoji), though only & < > " need it; writing those back as characters keeps the text readable. None of them can
    // start markup, and attributes are always double-quoted, so this stays safe.
    private static final Pattern NUMERIC_REFERENCE = Pattern.compile("&#(?:x([0-9A-Fa-f]{1,6})|([0-9]{1,7}));");
    private static final Pattern CONTROL_EXCEPT_TAB_AND_NEWLINE = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private ContentSanitizer() {
    }

    /** NFC, line breaks as {@code \n}, no other control characters, no unpaired surrogates. */
    static String normalise(String text) {
        String lines = withoutLoneSurrogates(text).replace("\r\n", "\n").replace('\r', '\n');
        return CONTROL_EXCEPT_TAB_AND_NEWLINE.matcher(Normalizer.normalize(lines, Normalizer.Form.NFC)).replaceAll("");
    }

    /** Comment content as it will be stored and shown: normalised, then reduced to the commenter allowlist. */
    static String sanitize(String content) {
        String html = COMMENTER.sanitize(normalise(content));
        // the sanitizer writes the rels it requires in its own order; WordPress's is "nofollow ugc"
        return NUMERIC_REFERENCE.matcher(html).replaceAll(r -> Matcher.quoteReplacement(readable(r)))
                .replace(" rel=\"ugc nofollow\"", " rel=\"nofollow ugc\"")
                .strip();
    }

    private static String readable(java.util.regex.MatchResult reference) {
        int codePoint = reference.group(1) != null ? Integer.parseInt(reference.group(1), 16)
                : Integer.parseInt(reference.group(2));
        boolean markup = codePoint == '&' || codePoint == '<' || codePoint == '>' || codePoint == '"';
        if (markup || !Character.isValidCodePoint(codePoint) || Character.isISOControl(codePoint)
                || Character.getType(codePoint) == Character.SURROGATE) {
            return reference.group();
        }
        return Character.toString(codePoint);
    }

    /** Whether sanitised HTML shows any text at all. */
    static boolean hasText(String html) {
        return !TAG.matcher(html).replaceAll("").replace('\u00a0', ' ').isBlank();
    }

    static String withoutLoneSurrogates(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
