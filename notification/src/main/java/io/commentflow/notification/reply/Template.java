package io.commentflow.notification.reply;

import java.util.ArrayList;
import java.util.List;

/**
 * A text with {@code %s} placeholders, split once when the class loads and filled by appending: what
 * {@code String.formatted} does for plain strings, without parsing the format again for every email.
 */
final class Template {

    private final String[] parts;
    private final int length;

    private Template(String[] parts) {
        this.parts = parts;
        int sum = 0;
        for (String part : parts) {
            sum += part.length();
        }
        this.length = sum;
    }

    static Template of(String text) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int at = text.indexOf("%s"); at >= 0; at = text.indexOf("%s", from)) {
            parts.add(text.substring(from, at));
            from = at + 2;
        }
        parts.add(text.substring(from));
        return new Template(parts.toArray(String[]::new));
    }

    /** The text with the values in its placeholders, in order ({@code null} shows as "null", as formatted does). */
    String fill(String... values) {
        if (values.length != parts.length - 1) {
            throw new IllegalArgumentException("expected " + (parts.length - 1) + " values, got " + values.length);
        }
        int size = length;
        for (String value : values) {
            size += value == null ? 4 : value.length();
        }
        StringBuilder out = new StringBuilder(size);
        out.append(parts[0]);
        for (int i = 0; i < values.length; i++) {
            out.append(values[i]).append(parts[i + 1]);
        }
        return out.toString();
    }
}
