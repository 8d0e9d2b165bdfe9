package io.commentflow.posts.comment;

import org.springframework.web.util.HtmlUtils;

import java.util.regex.Pattern;

/** The opening words of a comment as plain text, for notification emails. */
final class Excerpt {

    static final int LENGTH = 200;

    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private Excerpt() {
    }

    static String of(String content) {
        return of(content, LENGTH);
    }

    /**
     * Tags become spaces, entities characters, and runs of whitespace one space. Written per stored comment, so the
     * steps that have nothing to do are skipped.
     */
    static String of(String content, int length) {
        String text = content.indexOf('<') < 0 ? content : TAG.matcher(content).replaceAll(" ");
        if (text.indexOf('&') >= 0) {
            text = HtmlUtils.htmlUnescape(text);
        }
        text = collapseWhitespace(text).strip();
        if (text.length() <= length || text.codePointCount(0, text.length()) <= length) {
            return text;
        }
        String cut = text.substring(0, text.offsetByCodePoints(0, length));
        int space = cut.lastIndexOf(' ');
        if (space > length / 2) {
            cut = cut.substring(0, space);
        }
        return cut.stripTrailing() + "…";
    }

    /** What {@code replaceAll("\\s+", " ")} does: each run of [ \t\n\x0B\f\r] becomes one space. */
    private static String collapseWhitespace(String text) {
        int i = 0;
        int n = text.length();
        // the common case: single spaces only, nothing to replace
        while (i < n) {
            char c = text.charAt(i);
            if (isSpace(c) && (c != ' ' || (i + 1 < n && isSpace(text.charAt(i + 1))))) {
                break;
            }
            i++;
        }
        if (i == n) {
            return text;
        }
        StringBuilder out = new StringBuilder(n).append(text, 0, i);
        while (i < n) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                out.append(' ');
                while (i < n && isSpace(text.charAt(i))) {
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
