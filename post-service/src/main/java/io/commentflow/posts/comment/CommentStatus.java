package io.commentflow.posts.comment;

import java.util.Locale;

/** Where a comment stands; the values mirror WordPress's comment statuses. */
public enum CommentStatus {
    APPROVED, PENDING, SPAM, TRASH;

    private static final CommentStatus[] ALL = values();

    private final String value = name().toLowerCase(Locale.ROOT);

    /** The value stored in the database and shown in the API. */
    public String value() {
        return value;
    }

    public static CommentStatus of(String value) {
        for (CommentStatus status : ALL) {
            if (status.value.equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown comment status " + value);
    }
}
