package io.commentflow.posts.comment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class CommentRepository {

    private static final String PUBLIC_COLUMNS = "id, post_id, parent_id, author_name, author_url, content, submitted_at, status";

    private final JdbcClient jdbc;

    CommentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the comment unless one with its id exists; returns whether it was stored. */
    boolean insertIfAbsent(IncomingComment c) {
        int rows = jdbc.sql("""
                        insert into comments (id, post_id, parent_id, author_name, author_email, author_url, author_ip,
                                              user_agent, content, status, verdict, score, reasons, submitted_at,
                                              notify_followups, status_changed_at, approved_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(),
                                case when ? = 'approved' then now() end)
                        on conflict (id) do nothing""")
                .params(c.id(), c.postId(), c.parentId(), c.authorName(), c.authorEmail(), c.authorUrl(), c.authorIp(),
                        c.authorUserAgent(), c.content(), c.status().value(), c.verdict(), c.score(),
                        c.reasons().toArray(String[]::new), c.submittedAt().atOffset(ZoneOffset.UTC), c.notifyFollowups(),
                        c.status().value())
                .update();
        return rows == 1;
    }

    Optional<KnownParent> parent(UUID id) {
        return jdbc.sql("select id, post_id, status, author_name, author_email, notify_followups from comments where id = ?")
                .param(id)
                .query((rs, n) -> new KnownParent(rs.getObject("id", UUID.class), rs.getObject("post_id", UUID.class),
                        CommentStatus.of(rs.getString("status")), rs.getString("author_name"),
                        rs.getString("author_email"), rs.getBoolean("notify_followups")))
                .optional();
    }

    /**
     * The published comments of a post, oldest first, and the pending comment {@code pendingId} among them if it
     * is on this post and still pending (null: none).
     */
    List<PublicComment> visible(UUID postId, UUID pendingId) {
        return jdbc.sql("select " + PUBLIC_COLUMNS + """
                         from comments
                        where post_id = ? and (status = 'approved' or (id = ? and status = 'pending'))
                        order by submitted_at, id""")
                .params(postId, pendingId)
                .query(CommentRepository::publicComment)
                .list();
    }

    Optional<PublicComment> approved(UUID postId, UUID commentId) {
        return jdbc.sql("select " + PUBLIC_COLUMNS + " from comments where id = ? and post_id = ? and status = 'approved'")
                .params(commentId, postId)
                .query(CommentRepository::publicComment)
                .optional();
    }

    Optional<CommentState> state(UUID id) {
        return jdbc.sql("select id, post_id, status from comments where id = ?")
                .param(id)
                .query((rs, n) -> new CommentState(rs.getObject("id", UUID.class), rs.getObject("post_id", UUID.class),
                        CommentStatus.of(rs.getString("status"))))
                .optional();
    }

    private static PublicComment publicComment(ResultSet rs, int row) throws SQLException {
        return new PublicComment(rs.getObject("id", UUID.class), rs.getObject("post_id", UUID.class),
                rs.getObject("parent_id", UUID.class), rs.getString("author_name"),
                SafeUrl.httpOrNull(rs.getString("author_url")), rs.getString("content"), instant(rs, "submitted_at"),
                CommentStatus.PENDING.value().equals(rs.getString("status")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    record CommentState(UUID id, UUID postId, CommentStatus status) {
    }
}
