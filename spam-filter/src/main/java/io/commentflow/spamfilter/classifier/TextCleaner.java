package io.commentflow.spamfilter.classifier;

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
                String href = StringEscapeUtils.unescapeHtml4(m.group(2)).trim();
                String inner = TAG.matcher(m.group(3)).replaceAll("");
                String innerText = StringEscapeUtils.unescapeHtml4(inner).trim();
                // keep the link target when the visible text does not already show it
                String replacement = innerText.equals(href) || innerText.isEmpty() ? href : innerText + " " + href;
                // escape for appendReplacement, then re-escape as HTML so the final unescape is a no-op
                m.appendReplacement(sb, Matcher.quoteReplacement(" " + StringEscapeUtils.escapeHtml4(replacement) + " "));
            }
            m.appendTail(sb);
            s = TAG.matcher(sb).replaceAll("");
        }
        if (s.indexOf('&') >= 0) {
            s = StringEscapeUtils.unescapeHtml4(s);
        }
        return stripBom(s).strip();
    }
}
