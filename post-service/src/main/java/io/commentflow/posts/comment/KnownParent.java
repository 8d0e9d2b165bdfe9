package io.commentflow.posts.comment;

import java.util.UUID;

/** The comment a new one replies to, as notifications need it. */
record KnownParent(UUID id, UUID postId, CommentStatus status, String authorName, String authorEmail,
                     boolean notifyFollowups) {
}
