package io.commentflow.posts.moderation;

import io.commentflow.posts.comment.CommentStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Repository
class ModerationRepository {

    private final JdbcClient jdbc;

    ModerationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The comment, its row locked until the transaction ends. */
    Optional<CommentRow> lock(UUID id) {
        return jdbc.sql("""
                        select id, post_id, parent_id, author_name, author_email, author_url, author_ip, user_agent, content,
                               status, previous_status, approved_at is not null as ever_published, notify_followups,
                               submitted_at
                          from comments where id = ? for update""")
                .param(id)
                .query((rs, n) -> new CommentRow(rs.getObject("id", UUID.class), rs.getObject("post_id", UUID.class),
                        rs.getObject("parent_id", UUID.class), rs.getString("author_name"), rs.getString("author_email"),
                        rs.getString("author_url"), rs.getString("author_ip"), rs.getString("user_agent"),
                        rs.getString("content"), CommentStatus.of(rs.getString("status")),
                        statusOrNull(rs.getString("previous_status")), rs.getBoolean("ever_published"),
                        rs.getBoolean("notify_followups"),
                        rs.getObject("submitted_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    void changeStatus(UUID id, CommentStatus to, CommentStatus remembered, Instant at) {
        jdbc.sql("""
                        update comments
                           set status = ?, previous_status = ?, status_changed_at = ?,
                               approved_at = case when ? = 'approved' and approved_at is null then ? else approved_at end
                         where id = ?""")
                .params(to.value(), remembered == null ? null : remembered.value(), utc(at), to.value(), utc(at), id)
                .update();
    }

    /** Comments with this status, oldest first (pending: the queue in the order it arrived), with their post. */
    List<ModeratedComment> list(CommentStatus status, int limit, long offset) {
        return jdbc.sql(SELECT + " where c.status = ? order by c.submitted_at, c.id limit ? offset ?")
                .params(status.value(), limit, offset)
                .query(ModerationRepository::moderated)
                .list();
    }

    Optional<ModeratedComment> find(UUID id) {
        return jdbc.sql(SELECT + " where c.id = ?").param(id).query(ModerationRepository::moderated).optional();
    }

    Map<CommentStatus, Long> counts() {
        Map<CommentStatus, Long> counts = new EnumMap<>(CommentStatus.class);
        Arrays.stream(CommentStatus.values()).forEach(s -> counts.put(s, 0L));
        jdbc.sql("select status, count(*) as n from comments group by status")
                .query(rs -> {
                    counts.put(CommentStatus.of(rs.getString("status")), rs.getLong("n"));
                });
        return counts;
    }

    /** Deletes spam that has been spam since before {@code before}; returns how many comments went. */
    int deleteSpamOlderThan(Instant before, int limit) {
        return jdbc.sql("""
                        delete from comments where id in (
                            select id from comments where status = 'spam' and status_changed_at < ?
                             order by status_changed_at limit ? for update skip locked)""")
                .params(utc(before), limit)
                .update();
    }

    private static final String SELECT = """
            select c.id, c.post_id, p.title as post_title, p.slug as post_slug, c.parent_id, c.author_name,
                   c.author_email, c.author_url, c.content, c.status, c.verdict, c.score, c.reasons, c.submitted_at
              from comments c join posts p on p.id = c.post_id""";

    private static ModeratedComment moderated(ResultSet rs, int row) throws SQLException {
        Array reasons = rs.getArray("reasons");
        return new ModeratedComment(rs.getObject("id", UUID.class), rs.getObject("post_id", UUID.class),
                rs.getString("post_title"), rs.getString("post_slug"), rs.getObject("parent_id", UUID.class),
                rs.getString("author_name"), rs.getString("author_email"), rs.getString("author_url"),
                rs.getString("content"), CommentStatus.of(rs.getString("status")), rs.getString("verdict"),
                rs.getDouble("score"), reasons == null ? List.of() : List.of((String[]) reasons.getArray()),
                rs.getObject("submitted_at", OffsetDateTime.class).toInstant());
    }

    private static CommentStatus statusOrNull(String value) {
        return value == null ? null : CommentStatus.of(value);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
