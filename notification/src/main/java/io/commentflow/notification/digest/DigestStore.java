package io.commentflow.notification.digest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Digest entries (written by volume control in the delivery ledger's transaction) batched into digests. */
@Repository
class DigestStore {

    record Group(String recipient, UUID postId) {
    }

    record Entry(UUID commentId, String category, UUID addressId, String recipientName, String postTitle,
                 String postLink, String commenterName, String excerpt, String commentLink, Instant createdAt) {
    }

    record Digest(UUID id, String recipient, UUID postId, List<Entry> entries) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    DigestStore(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** (recipient, post) pairs whose oldest open entry has waited at least {@code interval}. */
    List<Group> dueGroups(Duration interval) {
        return jdbc.sql("""
                        select recipient, post_id from email_digest_entry where digest_id is null
                         group by recipient, post_id
                        having min(created_at) <= now() - (:seconds * interval '1 second')
                        """)
                .param("seconds", interval.toSeconds())
                .query((rs, n) -> new Group(rs.getString(1), rs.getObject(2, UUID.class)))
                .list();
    }

    /** Puts the group's open entries into a new digest; empty when another run took them first. */
    Optional<UUID> createDigest(Group group) {
        return transactions.execute(tx -> {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                            insert into email_digest (id, recipient, post_id, created_at, status)
                            values (:id, :recipient, :postId, now(), 'PENDING')
                            """)
                    .param("id", id).param("recipient", group.recipient()).param("postId", group.postId()).update();
            int entries = jdbc.sql("""
                            update email_digest_entry set digest_id = :id
                             where recipient = :recipient and post_id = :postId and digest_id is null
                            """)
                    .param("id", id).param("recipient", group.recipient()).param("postId", group.postId()).update();
            if (entries == 0) {
                tx.setRollbackOnly();
                return Optional.<UUID>empty();
            }
            return Optional.of(id);
        });
    }

    List<UUID> pendingDigests() {
        return jdbc.sql("select id from email_digest where status = 'PENDING' order by created_at")
                .query(UUID.class).list();
    }

    /** Takes a pending digest for this instance for {@code lease}; false if it is sent or another instance has it. */
    boolean lease(UUID id, Duration lease) {
        return jdbc.sql("""
                        update email_digest set lease_until = now() + (:seconds * interval '1 second')
                         where id = :id and status = 'PENDING' and (lease_until is null or lease_until < now())
                        """)
                .param("seconds", lease.toSeconds()).param("id", id).update() == 1;
    }

    void release(UUID id) {
        jdbc.sql("update email_digest set lease_until = null where id = :id and status = 'PENDING'").param("id", id).update();
    }

    Digest load(UUID id) {
        record Head(String recipient, UUID postId) {
        }
        Head head = jdbc.sql("select recipient, post_id from email_digest where id = :id").param("id", id)
                .query((rs, n) -> new Head(rs.getString(1), rs.getObject(2, UUID.class))).single();
        List<Entry> entries = jdbc.sql("""
                        select comment_id, category, address_id, recipient_name, post_title, post_link, commenter_name,
                               excerpt, comment_link, created_at
                          from email_digest_entry where digest_id = :id order by created_at, comment_id
                        """)
                .param("id", id)
                .query((rs, n) -> new Entry(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getObject(10, OffsetDateTime.class).toInstant()))
                .list();
        return new Digest(id, head.recipient(), head.postId(), entries);
    }

    void mark(UUID id, String status) {
        jdbc.sql("update email_digest set status = :status, lease_until = null where id = :id")
                .param("status", status).param("id", id).update();
    }
}
