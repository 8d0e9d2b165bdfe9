package io.commentflow.notification.delivery;

import java.util.Locale;

/** The few HTML helpers emails and pages share: everything from outside is escaped, only http(s) links link. */
public final class Html {

    private Html() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        int first = 0;
        while (first < text.length() && !needsEscape(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text; // most names, titles and links: nothing to escape, nothing to copy
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean needsEscape(char c) {
        return c == '&' || c == '<' || c == '>' || c == '"' || c == '\'';
    }

    /** Escaped text with its line breaks kept. */
    public static String paragraphs(String text) {
        return escape(text).replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>\n");
    }

    /** An anchor for http(s) URLs; any other scheme (javascript:, data:) is shown as the plain label. */
    public static String link(String url, String escapedLabel) {
        return isHttp(url) ? "<a href=\"" + escape(url.strip()) + "\">" + escapedLabel + "</a>" : escapedLabel;
    }

    public static boolean isHttp(String url) {
        String lower = url == null ? "" : url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    /** A whole email body: a UTF-8 document with the given (already escaped) title and body. */
    public static String emailPage(String title, String body) {
        return """
                <!DOCTYPE html>
                <html><head><meta charset="UTF-8"><title>%s</title></head>
                <body style="font-family:sans-serif;line-height:1.5">
                %s</body></html>
                """.formatted(escape(title), body);
    }
}
