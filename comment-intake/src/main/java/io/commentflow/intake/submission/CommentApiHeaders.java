package io.commentflow.intake.submission;

/** Headers of the JSON API beyond HTTP's own. */
public final class CommentApiHeaders {

    /** Request: makes a retry safe (a repeat within 24 h answers with the same comment). */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Response: {@code true} when the answer repeats an earlier request's. */
    public static final String REPLAYED = "Idempotent-Replayed";

    private CommentApiHeaders() {
    }
}
