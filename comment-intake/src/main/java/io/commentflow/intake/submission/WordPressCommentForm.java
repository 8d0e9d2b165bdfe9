package io.commentflow.intake.submission;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The fields of WordPress's comment form, as the OpenAPI document describes them; the controller reads the raw
 * body itself (see {@link FormBody}). Also what post-service renders in its "Leave a Reply" form.
 */
@Schema(name = "WordPressCommentForm", description = "WordPress's comment form fields, plus commentflow's three extras")
record WordPressCommentForm(
        @Schema(description = "Post id (UUID)", requiredMode = Schema.RequiredMode.REQUIRED)
        @JsonProperty("comment_post_ID") String commentPostId,
        @Schema(description = "Comment replied to (UUID), or 0") @JsonProperty("comment_parent") String commentParent,
        @Schema(description = "Name", requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("author") String author,
        @Schema(description = "Email", requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("email") String email,
        @Schema(description = "Website") @JsonProperty("url") String url,
        @Schema(description = "Comment", requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("comment") String comment,
        @Schema(description = "Any value but empty, 0, false, no or off opts in to follow-up emails")
        @JsonProperty("subscribe_comments") String subscribeComments,
        @Schema(description = "Where to go back to (must be a post-service URL)")
        @JsonProperty("redirect_to") String redirectTo,
        @Schema(description = "Nonce rendered once per form: a resubmission within 24 h lands on the same comment")
        @JsonProperty(WordPressFormController.NONCE) String commentNonce,
        @Schema(description = "Honeypot: hidden from people by CSS; any value is passed on as a spam signal")
        @JsonProperty(WordPressFormController.HONEYPOT) String honeypot,
        @Schema(description = "Epoch milliseconds when the form was rendered")
        @JsonProperty(WordPressFormController.FORM_STARTED_AT) String formStartedAt) {
}
