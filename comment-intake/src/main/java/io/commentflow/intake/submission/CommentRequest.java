package io.commentflow.intake.submission;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The JSON body of {@code POST /api/comments}, with WordPress REST API field names. Everything is text here so that
 * bad values reach {@link CommentValidator} and get a message naming the field, rather than failing in Jackson.
 */
record CommentRequest(@JsonProperty("post") String post,
                      @JsonProperty("parent") String parent,
                      @JsonProperty("author_name") String authorName,
                      @JsonProperty("author_email") String authorEmail,
                      @JsonProperty("author_url") String authorUrl,
                      @JsonProperty("content") String content,
                      @JsonProperty("notify_followups") Boolean notifyFollowups) {

    CommentDraft toDraft() {
        return new CommentDraft(post, parent, authorName, authorEmail, authorUrl, content,
                Boolean.TRUE.equals(notifyFollowups));
    }
}
