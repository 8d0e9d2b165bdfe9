package io.commentflow.spamfilter.classifier;

import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.text.StringEscapeUtils;

/**
 * Turns a comment body as stored by the source (YouTube's HTML-ish comment text, raw SMS) into
 * plain text: strips U+FEFF (a byte-order mark that correlates with the label in the YouTube data
 * and must not be learned), turns {@code <br />} into a line break, keeps the target of
 * {@code <a href="...">} links as text (so the URL can be seen by the classifier), removes any
 * other tag and decodes HTML entities ({@code &#39; &amp; &lt; ...}).
 */
public final class TextCleaner {

    private static final Pattern BR = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern ANCHOR = Pattern.compile("(?is)<a\\s[^>]*?href\\s*=\\s*([\"'])(.*?)\\1[^>]*>(.*?)</a\\s*>");
    private static final Pattern TAG = Pattern.compile("(?s)</?[a-zA-Z][^<>]*>");
    private static final Pattern NUMERIC_REFERENCE = Pattern.compile("&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?");

    private TextCleaner() {
    }

    /** Removes every U+FEFF (zero width no-break space / BOM). */
    public static String stripBom(String s) {
        return s == null ? null : s.replace("\uFEFF", "");
    }

    /** HTML comment text to plain text; see the class comment. Null stays null. */
    public static String htmlToText(String html) {
        if (html == null) {
            return null;
        }
        String s = stripBom(html);
        if (s.indexOf('<') >= 0) {
            s = BR.matcher(s).replaceAll("\n");
            Matcher m = ANCHOR.matcher(s);
            StringBuilder sb = new StringBuilder(s.length());
            while (m.find()) {
                String href = unescapeHtml4(m.group(2)).trim();
                String inner = TAG.matcher(m.group(3)).replaceAll("");
                String innerText = unescapeHtml4(inner).trim();
                // keep the link target when the visible text does not already show it
                String replacement = innerText.equals(href) || innerText.isEmpty() ? href : innerText + " " + href;
                // escape for appendReplacement, then re-escape as HTML so the final unescape is a no-op
                m.appendReplacement(sb, Matcher.quoteReplacement(" " + StringEscapeUtils.escapeHtml4(replacement) + " "));
            }
            m.appendTail(sb);
            s = TAG.matcher(sb).replaceAll("");
        }
        if (s.indexOf('&') >= 0) {
            s = unescapeHtml(s);
        }
        return stripBom(s).strip();
    }

    /**
     * {@link StringEscapeUtils#unescapeHtml4}, done here for the references intake's sanitiser writes ({@code &amp;
     * &lt; &gt; &quot;} and decimal ones such as {@code &#34;}), which is nearly every comment that has any; a text
     * with any other {@code &} goes to it whole. (Its translators cost a microsecond per comment.)
     */
    static String unescapeHtml(String s) {
        StringBuilder out = null;
        int copied = 0;
        for (int i = s.indexOf('&'); i >= 0; i = s.indexOf('&', i)) {
            char replacement;
            int length;
            if (s.startsWith("&amp;", i)) {
                replacement = '&';
                length = 5;
            } else if (s.startsWith("&lt;", i)) {
                replacement = '<';
                length = 4;
            } else if (s.startsWith("&gt;", i)) {
                replacement = '>';
                length = 4;
            } else if (s.startsWith("&quot;", i)) {
                replacement = '"';
                length = 6;
            } else {
                int end = i + 2;
                int value = 0;
                while (end < s.length() && end - i - 2 < 6 && s.charAt(end) >= '0' && s.charAt(end) <= '9') {
                    value = 10 * value + s.charAt(end++) - '0';
                }
                boolean decimal = s.startsWith("&#", i) && end > i + 2 && end < s.length() && s.charAt(end) == ';';
                if (!decimal || value == 0 || value > 0xFFFF) {
                    return unescapeHtml4(s);
                }
                replacement = (char) value;
                length = end + 1 - i;
            }
            if (out == null) {
                out = new StringBuilder(s.length());
            }
            out.append(s, copied, i).append(replacement);
            i += length;
            copied = i;
        }
        return out == null ? s : out.append(s, copied, s.length()).toString();
    }

    /**
     * {@link StringEscapeUtils#unescapeHtml4}, which throws on a numeric reference beyond Unicode ({@code &#9999999;}):
     * such a comment would fail on every retry. Those references become U+FFFD, as an HTML parser reads them.
     */
    private static String unescapeHtml4(String s) {
        try {
            return StringEscapeUtils.unescapeHtml4(s);
        } catch (IllegalArgumentException e) {
            return StringEscapeUtils.unescapeHtml4(NUMERIC_REFERENCE.matcher(s).replaceAll(m -> validCodePoint(m)
                    ? Matcher.quoteReplacement(m.group()) : "\uFFFD"));
        }
    }

    private static boolean validCodePoint(MatchResult reference) {
        boolean hex = reference.group(1) != null;
        String digits = hex ? reference.group(1) : reference.group(2);
        try {
            return Character.isValidCodePoint(Integer.parseInt(digits, hex ? 16 : 10));
        } catch (NumberFormatException tooLong) {
            return false;
        }
    }
}
