package io.commentflow.posts.post;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class PostRepository {

    private static final String COLUMNS = "id, slug, title, body, author_name, author_email, comments_open, published, "
            + "created_at, updated_at, published_at, close_comments_after_days";
    private static final RowMapper<Post> POST = PostRepository::post;

    private final JdbcClient jdbc;

    PostRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Post post, boolean commentWindowClosed) {
        jdbc.sql("insert into posts (" + COLUMNS + ", comment_window_closed) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(post.id(), post.slug(), post.title(), post.body(), post.authorName(), post.authorEmail(),
                        post.commentsOpen(), post.published(), utc(post.createdAt()), utc(post.updatedAt()),
                        utc(post.publishedAt()), post.closeCommentsAfterDays(), commentWindowClosed)
                .update();
    }

    /** Writes every field but the id and creation time. */
    void update(Post post, boolean commentWindowClosed) {
        jdbc.sql("""
                        update posts set slug = ?, title = ?, body = ?, author_name = ?, author_email = ?, comments_open = ?,
                                         published = ?, updated_at = ?, published_at = ?, close_comments_after_days = ?,
                                         comment_window_closed = ?
                        where id = ?""")
                .params(post.slug(), post.title(), post.body(), post.authorName(), post.authorEmail(), post.commentsOpen(),
                        post.published(), utc(post.updatedAt()), utc(post.publishedAt()), post.closeCommentsAfterDays(),
                        commentWindowClosed, post.id())
                .update();
    }

    Optional<Post> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from posts where id = ?").param(id).query(POST).optional();
    }

    /** The posts of these ids that exist, in no particular order. */
    List<Post> findAllById(Collection<UUID> ids) {
        return jdbc.sql("select " + COLUMNS + " from posts where id = any(?)").param(ids.toArray(UUID[]::new)).query(POST).list();
    }

    /** The post, its row locked until the transaction ends (edits of one post are serialised). */
    Optional<Post> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from posts where id = ? for update").param(id).query(POST).optional();
    }

    Optional<Post> findBySlug(String slug) {
        return jdbc.sql("select " + COLUMNS + " from posts where slug = ?").param(slug).query(POST).optional();
    }

    boolean slugTaken(String slug, UUID byAnotherThan) {
        return jdbc.sql("select exists (select 1 from posts where slug = ? and id <> ?)")
                .params(slug, byAnotherThan).query(Boolean.class).single();
    }

    boolean isEmpty() {
        return !jdbc.sql("select exists (select 1 from posts)").query(Boolean.class).single();
    }

    long approvedComments(UUID postId) {
        return jdbc.sql("select count(*) from comments where post_id = ? and status = 'approved'")
                .param(postId).query(Long.class).single();
    }

    /** Every post, drafts included, newest first. */
    List<Post> all() {
        return jdbc.sql("select " + COLUMNS + " from posts order by created_at desc, id").query(POST).list();
    }

    /**
     * Posts open for comments whose comment window has ended by {@code now} but whose last announcement still
     * said open; locked, and skipped when another instance is announcing them.
     */
    List<Post> lockEndedCommentWindows(Instant now, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from posts
                        where comments_open and not comment_window_closed
                          and close_comments_after_days is not null and published_at is not null
                          and published_at + make_interval(days => close_comments_after_days) <= ?
                        order by id
                        limit ?
                        for update skip locked""")
                .params(utc(now), limit)
                .query(POST)
                .list();
    }

    void markCommentWindowClosed(UUID id) {
        jdbc.sql("update posts set comment_window_closed = true where id = ?").param(id).update();
    }

    List<PostSummary> published() {
        return jdbc.sql("""
                        select p.id, p.slug, p.title, p.comments_open, p.created_at,
                               (select count(*) from comments c where c.post_id = p.id and c.status = 'approved') as approved
                        from posts p
                        where p.published
                        order by p.created_at desc, p.id""")
                .query((rs, n) -> new PostSummary(rs.getObject("id", UUID.class), rs.getString("slug"),
                        rs.getString("title"), rs.getBoolean("comments_open"), instant(rs, "created_at"),
                        rs.getLong("approved")))
                .list();
    }

    private static Post post(ResultSet rs, int row) throws SQLException {
        return new Post(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("title"),
                rs.getString("body"), rs.getString("author_name"), rs.getString("author_email"),
                rs.getBoolean("comments_open"), rs.getBoolean("published"),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "published_at"),
                rs.getObject("close_comments_after_days", Integer.class));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
