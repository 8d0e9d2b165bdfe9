package io.commentflow.posts.comment;

import io.commentflow.events.CommentAuthor;
import io.commentflow.events.CommentScored;
import io.commentflow.events.CommentSubmitted;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A comment as it is stored, with everything spam-filter said about it. */
record IncomingComment(UUID id, UUID postId, UUID parentId, String authorName, String authorEmail, String authorUrl,
                       String authorIp, String authorUserAgent, String content, CommentStatus status, String verdict, double score,
                       List<String> reasons, Instant submittedAt, boolean notifyFollowups) {

    static IncomingComment from(CommentScored scored, CommentStatus status) {
        CommentSubmitted comment = scored.getComment();
        CommentAuthor author = comment.getAuthor();
        return new IncomingComment(comment.getCommentId(), comment.getPostId(), comment.getParentId(),
                author.getName(), author.getEmail(), author.getUrl(), author.getIp(), author.getUserAgent(), comment.getContent(), status,
                scored.getVerdict().name(), scored.getScore(), List.copyOf(scored.getReasons()),
                comment.getSubmittedAt(), comment.getNotifyFollowups());
    }
}
