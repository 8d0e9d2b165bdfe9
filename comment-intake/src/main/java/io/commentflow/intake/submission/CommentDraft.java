package io.commentflow.intake.submission;

/** A comment as a frontend sent it, before any check: every field may be missing or nonsense. */
record CommentDraft(String post, String parent, String authorName, String authorEmail, String authorUrl,
                    String content, boolean notifyFollowups) {
}
