package io.commentflow.posts.comment;

import java.util.Arrays;
import java.util.Locale;

/** Where a comment stands; the values mirror WordPress's comment statuses. */
public enum CommentStatus {
    APPROVED, PENDING, SPAM, TRASH;

    /** The value stored in the database and shown in the API. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CommentStatus of(String value) {
        return Arrays.stream(values()).filter(s -> s.value().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown comment status " + value));
    }
}
