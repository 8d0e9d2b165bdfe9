package io.commentflow.posts.comment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@Repository
class CommentRepository {

    private static final String PUBLIC_COLUMNS = "id, post_id, parent_id, author_name, author_url, content, submitted_at, status";

    /**
     * Many comments in one statement: a row per array element (a comment's reasons travel as an array literal). A
     * statement per comment costs PostgreSQL about twice the CPU.
     */
    private static final String INSERT = """
            insert into comments (id, post_id, parent_id, author_name, author_email, author_url, author_ip,
                                  user_agent, content, status, verdict, score, reasons, submitted_at,
                                  notify_followups, status_changed_at, approved_at)
            select id, post_id, parent_id, author_name, author_email, author_url, author_ip,
                   user_agent, content, status, verdict, score, reasons::text[], submitted_at::timestamptz,
                   notify_followups, now(), case when status = 'approved' then now() end
              from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[],
                          ?::text[], ?::text[], ?::text[], ?::text[], ?::float8[], ?::text[], ?::text[], ?::boolean[])
                   as c(id, post_id, parent_id, author_name, author_email, author_url, author_ip,
                        user_agent, content, status, verdict, score, reasons, submitted_at, notify_followups)
            on conflict (id) do nothing
            returning id""";

    private static final String KNOWN = "select id, post_id, status, author_name, author_email, notify_followups from comments";

    private final JdbcClient jdbc;

    CommentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the comment unless one with its id exists; returns whether it was stored. */
    boolean insertIfAbsent(IncomingComment c) {
        return insertAllIfAbsent(List.of(c))[0];
    }

    /**
     * Stores each comment unless one with its id exists (or came earlier in the list), in one round trip; returns
     * for each whether it was stored.
     */
    boolean[] insertAllIfAbsent(List<IncomingComment> comments) {
        int n = comments.size();
        boolean[] stored = new boolean[n];
        if (n == 0) {
            return stored;
        }
        UUID[] ids = new UUID[n];
        UUID[] postIds = new UUID[n];
        UUID[] parentIds = new UUID[n];
        String[] names = new String[n];
        String[] emails = new String[n];
        String[] urls = new String[n];
        String[] ips = new String[n];
        String[] userAgents = new String[n];
        String[] contents = new String[n];
        String[] statuses = new String[n];
        String[] verdicts = new String[n];
        Double[] scores = new Double[n];
        String[] reasons = new String[n];
        String[] submittedAt = new String[n];
        Boolean[] notifyFollowups = new Boolean[n];
        for (int i = 0; i < n; i++) {
            IncomingComment c = comments.get(i);
            ids[i] = c.id();
            postIds[i] = c.postId();
            parentIds[i] = c.parentId();
            names[i] = c.authorName();
            emails[i] = c.authorEmail();
            urls[i] = c.authorUrl();
            ips[i] = c.authorIp();
            userAgents[i] = c.authorUserAgent();
            contents[i] = c.content();
            statuses[i] = c.status().value();
            verdicts[i] = c.verdict();
            scores[i] = c.score();
            reasons[i] = PostgresArrays.literal(c.reasons());
            submittedAt[i] = c.submittedAt().toString();
            notifyFollowups[i] = c.notifyFollowups();
        }
        Set<UUID> inserted = new HashSet<>(jdbc.sql(INSERT)
                .params(ids, postIds, parentIds, names, emails, urls, ips, userAgents, contents, statuses, verdicts, scores,
                        reasons, submittedAt, notifyFollowups)
                .query((rs, row) -> rs.getObject(1, UUID.class))
                .list());
        for (int i = 0; i < n; i++) {
            // a second comment with the same id in the list is the redelivery, not the one stored
            stored[i] = inserted.remove(ids[i]);
        }
        return stored;
    }

    Optional<KnownParent> parent(UUID id) {
        return jdbc.sql(KNOWN + " where id = ?").param(id).query(CommentRepository::known).optional();
    }

    /** The comments of these ids that are stored, by id (one query for the parents a batch of replies names). */
    Map<UUID, KnownParent> known(Collection<UUID> ids) {
        Map<UUID, KnownParent> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql(KNOWN + " where id = any(?)").param(ids.toArray(UUID[]::new))
                .query(CommentRepository::known)
                .list()
                .forEach(parent -> found.put(parent.id(), parent));
        return found;
    }

    private static KnownParent known(ResultSet rs, int row) throws SQLException {
        return new KnownParent(rs.getObject("id", UUID.class), rs.getObject("post_id", UUID.class),
                CommentStatus.of(rs.getString("status")), rs.getString("author_name"),
                rs.getString("author_email"), rs.getBoolean("notify_followups"));
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
