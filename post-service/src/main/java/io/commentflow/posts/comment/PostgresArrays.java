package io.commentflow.posts.comment;

import java.util.List;

/** PostgreSQL's text form of arrays, for a column of arrays passed as one array of their literals. */
final class PostgresArrays {

    private PostgresArrays() {
    }

    /** {@code {"a","b \"c\""}}: every element quoted, with its quotes and backslashes escaped. */
    static String literal(List<String> items) {
        StringBuilder text = new StringBuilder(16 * items.size() + 2).append('{');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            String item = items.get(i);
            text.append('"');
            for (int j = 0; j < item.length(); j++) {
                char c = item.charAt(j);
                if (c == '"' || c == '\\') {
                    text.append('\\');
                }
                text.append(c);
            }
            text.append('"');
        }
        return text.append('}').toString();
    }
}
