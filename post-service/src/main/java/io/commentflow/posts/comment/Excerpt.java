package io.commentflow.posts.comment;

import org.springframework.web.util.HtmlUtils;

/** The opening words of a comment as plain text, for notification emails. */
final class Excerpt {

    static final int LENGTH = 200;

    private Excerpt() {
    }

    static String of(String content) {
        return of(content, LENGTH);
    }

    static String of(String content, int length) {
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
