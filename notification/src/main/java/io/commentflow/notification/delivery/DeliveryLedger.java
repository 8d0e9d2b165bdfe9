package io.commentflow.notification.delivery;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * The record of every email we tried to send, one row per (notification, recipient). No database transaction stays
 * open while we talk to SMTP: the claims of a poll's emails are part of the poll's one short transaction, committed
 * before the first of them is sent; every other statement commits on its own. Volume control decides under an
 * advisory lock per (recipient, post) whether an email is claimed for sending or folded into a digest entry, so two
 * instances cannot both send the sixth.
 */
@Repository
class DeliveryLedger {

    /** An email of a poll on its way to the ledger: the email, its ledger key's recipient, its Message-ID. */
    record Pending(FoldableEmail foldable, String recipient, String messageId) {

        Key key() {
            return new Key(foldable.email().notificationId(), recipient);
        }

        /** The (recipient, post) pair volume control counts and locks. */
        String volumeKey() {
            return "volume:" + recipient + ":" + foldable.digestItem().postId();
        }
    }

    /** The ledger's key of an email. */
    record Key(UUID notificationId, String recipient) {
    }

    /** This email already a digest entry; already in the ledger; countable emails to its (recipient, post) lately. */
    private record Known(boolean folded, boolean tried, long recentCountable) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    DeliveryLedger(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Claims the right to send: inserts the row as SENDING, or moves a FAILED or SENDING row back to
     * SENDING. Returns false when the row is already SENT, i.e. the email went out before.
     */
    boolean claim(OutgoingEmail email, String recipient, String messageId) {
        int rows = jdbc.sql("""
                        insert into email_delivery (notification_id, recipient, comment_id, post_id, category,
                                                    message_id, status, attempts, first_attempt_at, last_attempt_at,
                                                    foldable)
                        values (:notificationId, :recipient, :commentId, :postId, :category,
                                :messageId, 'SENDING', 1, now(), now(), false)
                        on conflict (notification_id, recipient) do update
                           set status = 'SENDING',
                               attempts = email_delivery.attempts + 1,
                               last_attempt_at = now()
                         where email_delivery.status <> 'SENT'
                        """)
                .param("notificationId", email.notificationId())
                .param("recipient", recipient)
                .param("commentId", email.commentId())
                .param("postId", email.postId())
                .param("category", email.category())
                .param("messageId", messageId)
                .update();
        return rows == 1;
    }

    /**
     * Volume control for the emails of one poll, in the caller's transaction (commit it before sending): an email is
     * claimed for sending (as {@link #claim} does) unless the recipient already got {@code threshold} countable emails about
     * its post within {@code window}; then it becomes a digest entry instead (once: a redelivered notification finds
     * its entry, or its ledger row, and gets the same answer). The decisions are those one email after the other
     * would get, emails this poll claims counting towards the threshold, in five statements however many emails:
     * <ol>
     *   <li>the advisory lock of every (recipient, post), in the order of the lock keys, so two instances (or
     *       consumers) with pairs in common wait for each other rather than deadlock, and cannot both send the sixth;</li>
     *   <li>what is known about every email and pair, in one query under the locks (scalar subqueries in its select
     *       list, by primary key: each email is looked up on the indexes, however the planner estimates the tables);</li>
     *   <li>the digest entries and 4. the claims, one statement each; 5. (in the caller) the commit.</li>
     * </ol>
     * An email that appears twice in the poll (a notification delivered twice) is decided once: the later copy is
     * {@link Claim.Decision#ALREADY_SENT}, or {@link Claim.Decision#FOLDED} like the first.
     */
    List<Claim.Decision> claimOrFoldAll(List<Pending> emails, int threshold, Duration window) {
        if (emails.isEmpty()) {
            return List.of();
        }
        Map<Key, Pending> distinct = new LinkedHashMap<>();
        Set<String> volumeKeys = new TreeSet<>();
        for (Pending pending : emails) {
            distinct.putIfAbsent(pending.key(), pending);
            volumeKeys.add(pending.volumeKey());
        }
        jdbc.sql("""
                        select pg_advisory_xact_lock(k)
                          from (select distinct hashtextextended(key, 0) as k from unnest(:keys) as key) as locks
                         order by k
                        """)
                .param("keys", new SqlArrayValue("text", volumeKeys.toArray()))
                .query().listOfRows();
        Map<Key, Known> known = known(distinct.values(), window);

        List<Claim.Decision> decisions = new ArrayList<>(emails.size());
        Map<Key, Claim.Decision> decided = new HashMap<>();
        Map<String, Long> countable = new HashMap<>();
        List<Pending> folds = new ArrayList<>();
        List<Pending> claims = new ArrayList<>();
        for (Pending pending : emails) {
            Key key = pending.key();
            Claim.Decision earlier = decided.get(key);
            if (earlier != null) {
                decisions.add(earlier == Claim.Decision.FOLDED ? Claim.Decision.FOLDED : Claim.Decision.ALREADY_SENT);
                continue;
            }
            Known about = known.get(key);
            long recent = countable.computeIfAbsent(pending.volumeKey(), pair -> about.recentCountable());
            Claim.Decision decision;
            if (about.folded()) {
                decision = Claim.Decision.FOLDED;
            } else if (!about.tried() && recent >= threshold) {
                folds.add(pending);
                decision = Claim.Decision.FOLDED;
            } else {
                claims.add(pending);
                decision = Claim.Decision.SEND;
                if (!about.tried()) {
                    countable.put(pending.volumeKey(), recent + 1);
                }
            }
            decided.put(key, decision);
            decisions.add(decision);
        }
        fold(folds);
        Set<Key> claimed = claim(claims);
        // a claim the ledger refused is a row already SENT
        for (int i = 0; i < decisions.size(); i++) {
            if (decisions.get(i) == Claim.Decision.SEND && !claimed.contains(emails.get(i).key())) {
                decisions.set(i, Claim.Decision.ALREADY_SENT);
            }
        }
        return decisions;
    }

    private Map<Key, Known> known(Collection<Pending> emails, Duration window) {
        Map<Key, Known> known = new HashMap<>();
        jdbc.sql("""
                        select e.notification_id, e.recipient,
                               (select true from email_digest_entry d
                                 where d.notification_id = e.notification_id and d.recipient = e.recipient) is not null,
                               (select true from email_delivery l
                                 where l.notification_id = e.notification_id and l.recipient = e.recipient) is not null,
                               (select count(*) from email_delivery l
                                 where l.recipient = e.recipient and l.post_id = e.post_id and l.foldable
                                   and l.first_attempt_at > now() - (:seconds * interval '1 second'))
                          from unnest(:notificationIds, :recipients, :postIds) as e(notification_id, recipient, post_id)
                        """)
                .param("notificationIds", array("uuid", emails, p -> p.foldable().email().notificationId()))
                .param("recipients", array("text", emails, Pending::recipient))
                .param("postIds", array("uuid", emails, p -> p.foldable().digestItem().postId()))
                .param("seconds", window.toSeconds())
                .query((ResultSet rs) -> {
                    known.put(new Key(rs.getObject(1, UUID.class), rs.getString(2)),
                            new Known(rs.getBoolean(3), rs.getBoolean(4), rs.getLong(5)));
                });
        return known;
    }

    private void fold(List<Pending> emails) {
        if (emails.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into email_digest_entry (notification_id, recipient, post_id, comment_id, category,
                            address_id, recipient_name, post_title, post_link, commenter_name, excerpt, comment_link,
                            created_at)
                        select e.*, now()
                          from unnest(:notificationIds, :recipients, :postIds, :commentIds, :categories, :addressIds,
                                      :recipientNames, :postTitles, :postLinks, :commenterNames, :excerpts, :commentLinks)
                               as e(notification_id, recipient, post_id, comment_id, category, address_id, recipient_name,
                                    post_title, post_link, commenter_name, excerpt, comment_link)
                        """)
                .param("notificationIds", array("uuid", emails, p -> p.foldable().email().notificationId()))
                .param("recipients", array("text", emails, Pending::recipient))
                .param("postIds", array("uuid", emails, p -> p.foldable().digestItem().postId()))
                .param("commentIds", array("uuid", emails, p -> p.foldable().digestItem().commentId()))
                .param("categories", array("text", emails, p -> p.foldable().email().category()))
                .param("addressIds", array("uuid", emails, p -> p.foldable().digestItem().addressId()))
                .param("recipientNames", array("text", emails, p -> p.foldable().email().recipientName()))
                .param("postTitles", array("text", emails, p -> p.foldable().digestItem().postTitle()))
                .param("postLinks", array("text", emails, p -> p.foldable().digestItem().postLink()))
                .param("commenterNames", array("text", emails, p -> p.foldable().digestItem().commenterName()))
                .param("excerpts", array("text", emails, p -> p.foldable().digestItem().excerpt()))
                .param("commentLinks", array("text", emails, p -> p.foldable().digestItem().commentLink()))
                .update();
    }

    /** {@link #claim} for many foldable emails (distinct keys) at once; returns the keys claimed. */
    private Set<Key> claim(List<Pending> emails) {
        if (emails.isEmpty()) {
            return Set.of();
        }
        Set<Key> claimed = new HashSet<>();
        jdbc.sql("""
                        insert into email_delivery (notification_id, recipient, comment_id, post_id, category,
                                                    message_id, status, attempts, first_attempt_at, last_attempt_at,
                                                    foldable)
                        select c.*, 'SENDING', 1, now(), now(), true
                          from unnest(:notificationIds, :recipients, :commentIds, :postIds, :categories, :messageIds)
                               as c(notification_id, recipient, comment_id, post_id, category, message_id)
                        on conflict (notification_id, recipient) do update
                           set status = 'SENDING',
                               attempts = email_delivery.attempts + 1,
                               last_attempt_at = now()
                         where email_delivery.status <> 'SENT'
                        returning notification_id, recipient
                        """)
                .param("notificationIds", array("uuid", emails, p -> p.foldable().email().notificationId()))
                .param("recipients", array("text", emails, Pending::recipient))
                .param("commentIds", array("uuid", emails, p -> p.foldable().email().commentId()))
                .param("postIds", array("uuid", emails, p -> p.foldable().email().postId()))
                .param("categories", array("text", emails, p -> p.foldable().email().category()))
                .param("messageIds", array("text", emails, Pending::messageId))
                .query((ResultSet rs) -> {
                    claimed.add(new Key(rs.getObject(1, UUID.class), rs.getString(2)));
                });
        return claimed;
    }

    /**
     * Gives back claims whose emails were never handed to SMTP (their poll stopped at an earlier failure): the rows
     * stay SENDING, so the redelivered notification claims them again, and the attempt is not counted twice.
     */
    void release(Collection<Key> keys) {
        if (keys.isEmpty()) {
            return;
        }
        // one statement per row, by its key, in one JDBC batch (one round trip)
        batch.batchUpdate("""
                        update email_delivery set attempts = attempts - 1
                         where notification_id = ? and recipient = ? and status = 'SENDING' and attempts > 0
                        """,
                keys.stream().map(key -> new Object[] {key.notificationId(), key.recipient()}).toList());
    }

    private static <T> SqlArrayValue array(String type, Collection<T> items, Function<T, Object> value) {
        Object[] values = new Object[items.size()];
        int i = 0;
        for (T item : items) {
            values[i++] = value.apply(item);
        }
        return new SqlArrayValue(type, values);
    }

    void markSent(OutgoingEmail email, String recipient) {
        jdbc.sql("""
                        update email_delivery set status = 'SENT', sent_at = now(), last_error = null
                         where notification_id = :notificationId and recipient = :recipient
                        """)
                .param("notificationId", email.notificationId())
                .param("recipient", recipient)
                .update();
    }

    /** Records why the last attempt failed (the exception type only: SMTP replies may quote addresses). */
    void markFailed(OutgoingEmail email, String recipient, Exception error) {
        jdbc.sql("""
                        update email_delivery set status = 'FAILED', last_error = :error
                         where notification_id = :notificationId and recipient = :recipient and status <> 'SENT'
                        """)
                .param("notificationId", email.notificationId())
                .param("recipient", recipient)
                .param("error", error.getClass().getName())
                .update();
    }
}
