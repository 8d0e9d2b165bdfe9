package io.commentflow.intake.submission;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The JSON body of {@code POST /api/comments}, with WordPress REST API field names. Everything is text here so that
 * bad values reach {@link CommentValidator} and get a message naming the field, rather than failing in Jackson.
 */
@Schema(name = "CommentRequest", description = "A new comment")
record CommentRequest(
        @Schema(description = "Id (UUID) of the post", requiredMode = Schema.RequiredMode.REQUIRED,
                example = "6f1c4a1e-8a8b-4b4e-9c57-0d6c1f0e2a11")
        @JsonProperty("post") String post,
        @Schema(description = "Id (UUID) of the comment replied to; 0 or absent for a top-level comment", example = "0")
        @JsonProperty("parent") String parent,
        @Schema(description = "Name shown with the comment, at most 245 characters", requiredMode = Schema.RequiredMode.REQUIRED)
        @JsonProperty("author_name") String authorName,
        @Schema(description = "Email address, at most 100 characters; never shown", requiredMode = Schema.RequiredMode.REQUIRED)
        @JsonProperty("author_email") String authorEmail,
        @Schema(description = "Website, http or https, at most 200 characters")
        @JsonProperty("author_url") String authorUrl,
        @Schema(description = "The comment, at most 65,525 bytes of UTF-8; HTML is reduced to WordPress's commenter allowlist",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @JsonProperty("content") String content,
        @Schema(description = "Email me follow-up comments (after confirming by email)")
        @JsonProperty("notify_followups") Boolean notifyFollowups,
        @Schema(description = "Value of a honeypot field the frontend hides from people; a spam signal, never a refusal")
        @JsonProperty("honeypot") String honeypot,
        @Schema(description = "Epoch milliseconds when the frontend showed the form, to measure how long it took to fill")
        @JsonProperty("form_started_at") String formStartedAt) {

    CommentDraft toDraft() {
        return new CommentDraft(post, parent, authorName, authorEmail, authorUrl, content,
                Boolean.TRUE.equals(notifyFollowups));
    }
}
