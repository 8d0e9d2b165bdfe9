package io.commentflow.intake.submission;

import org.springframework.http.HttpStatus;

import java.net.URI;

/** Why a well-formed comment was not accepted, with what each frontend is told. */
enum Refusal {

    UNKNOWN_POST(HttpStatus.NOT_FOUND, "unknown_post", "unknown-post", "Unknown post",
            "There is no post with this id.", CommentField.POST),
    POST_UNPUBLISHED(HttpStatus.FORBIDDEN, "post_unpublished", "post-not-published", "Post not published",
            "This post is not published and does not take comments.", CommentField.POST),
    COMMENTS_CLOSED(HttpStatus.FORBIDDEN, "comments_closed", "comments-closed", "Comments closed",
            "Sorry, comments are closed for this post.", CommentField.POST),
    DUPLICATE(HttpStatus.CONFLICT, "duplicate", "duplicate-comment", "Duplicate comment",
            "Duplicate comment detected; it looks as though you have already said that!", CommentField.CONTENT),
    FLOOD(HttpStatus.TOO_MANY_REQUESTS, "flood", "too-many-comments", "Too many comments",
            "You are posting comments too quickly. Slow down.", null),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency_key_reused", "idempotency-key-reused",
            "Idempotency key reused", "This key was already used for a different comment.",
            CommentField.IDEMPOTENCY_KEY),
    IDEMPOTENCY_IN_PROGRESS(HttpStatus.CONFLICT, "idempotency_in_progress", "request-in-progress",
            "Request in progress", "A request with this key is still being processed; retry shortly.",
            CommentField.IDEMPOTENCY_KEY),
    CATALOG_LOADING(HttpStatus.SERVICE_UNAVAILABLE, "catalog_loading", "temporarily-unavailable",
            "Temporarily unavailable", "Comments cannot be accepted right now; nothing was saved. Please retry.", null),
    STATE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "state_unavailable", "temporarily-unavailable",
            "Temporarily unavailable", "Comments cannot be accepted right now; nothing was saved. Please retry.", null);

    private final HttpStatus status;
    private final String reason;
    private final URI type;
    private final String title;
    private final String detail;
    private final CommentField field;

    Refusal(HttpStatus status, String reason, String type, String title, String detail, CommentField field) {
        this.status = status;
        this.reason = reason;
        this.type = URI.create("urn:commentflow:problem:" + type);
        this.title = title;
        this.detail = detail;
        this.field = field;
    }

    HttpStatus status() {
        return status;
    }

    /** The {@code reason} tag of {@code commentflow.comments.rejected}. */
    String reason() {
        return reason;
    }

    URI type() {
        return type;
    }

    String title() {
        return title;
    }

    String detail() {
        return detail;
    }

    /** The field the refusal is about, or null when it is about the request as a whole. */
    CommentField field() {
        return field;
    }
}
