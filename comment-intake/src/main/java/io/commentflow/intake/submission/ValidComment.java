package io.commentflow.intake.submission;

import java.util.UUID;

/** A comment that passed every check, normalised (trimmed, URL with a scheme). */
record ValidComment(UUID postId, UUID parentId, String authorName, String authorEmail, String authorUrl,
                    String content, boolean notifyFollowups) {
}
