package io.commentflow.notification.delivery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;

/**
 * The record of every email we tried to send, one row per (notification, recipient). Each statement runs
 * in its own short transaction (auto-commit): no database transaction stays open while we talk to SMTP.
 * Volume control decides in one short transaction, under an advisory lock per (recipient, post), whether an
 * email is claimed for sending or folded into a digest entry, so two instances cannot both send the sixth.
 */
@Repository
class DeliveryLedger {

    /** What {@link #claimOrFold} decided. */
    enum Claim { CLAIMED, ALREADY_SENT, FOLDED }

    /** This email already a digest entry; already in the ledger; countable emails to its (recipient, post) lately. */
    private record Known(boolean folded, boolean tried, long recentCountable) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    DeliveryLedger(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Claims the right to send: inserts the row as SENDING, or moves a FAILED or SENDING row back to
     * SENDING. Returns false when the row is already SENT, i.e. the email went out before.
     */
    boolean claim(OutgoingEmail email, String recipient, String messageId) {
        return claim(email, recipient, messageId, false);
    }

    /**
     * Like {@link #claim}, unless the recipient already got {@code threshold} countable emails about this post
     * within {@code window}: then the email becomes a digest entry instead (once: a redelivered notification
     * finds its entry, or its ledger row, and gets the same answer).
     */
    Claim claimOrFold(OutgoingEmail email, String recipient, String messageId, DigestItem item,
                      int threshold, Duration window) {
        return transactions.execute(tx -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                    .param("key", "volume:" + recipient + ":" + item.postId())
                    .query().listOfRows();
            // what is known about this email and its (recipient, post), in one query under the lock
            Known known = jdbc.sql("""
                            select exists (select 1 from email_digest_entry
                                            where notification_id = :notificationId and recipient = :recipient) as folded,
                                   exists (select 1 from email_delivery
                                            where notification_id = :notificationId and recipient = :recipient) as tried,
                                   (select count(*) from email_delivery
                                     where recipient = :recipient and post_id = :postId and foldable
                                       and first_attempt_at > now() - (:seconds * interval '1 second')) as recent
                            """)
                    .param("notificationId", email.notificationId()).param("recipient", recipient)
                    .param("postId", item.postId()).param("seconds", window.toSeconds())
                    .query((rs, row) -> new Known(rs.getBoolean("folded"), rs.getBoolean("tried"), rs.getLong("recent")))
                    .single();
            if (known.folded()) {
                return Claim.FOLDED;
            }
            if (!known.tried() && known.recentCountable() >= threshold) {
                fold(email, recipient, item);
                return Claim.FOLDED;
            }
            return claim(email, recipient, messageId, true) ? Claim.CLAIMED : Claim.ALREADY_SENT;
        });
    }

    private void fold(OutgoingEmail email, String recipient, DigestItem item) {
        jdbc.sql("""
                        insert into email_digest_entry (notification_id, recipient, post_id, comment_id, category,
                            address_id, recipient_name, post_title, post_link, commenter_name, excerpt, comment_link,
                            created_at)
                        values (:notificationId, :recipient, :postId, :commentId, :category, :addressId, :recipientName,
                            :postTitle, :postLink, :commenterName, :excerpt, :commentLink, now())
                        """)
                .param("notificationId", email.notificationId())
                .param("recipient", recipient)
                .param("postId", item.postId())
                .param("commentId", item.commentId())
                .param("category", email.category())
                .param("addressId", item.addressId())
                .param("recipientName", email.recipientName())
                .param("postTitle", item.postTitle())
                .param("postLink", item.postLink())
                .param("commenterName", item.commenterName())
                .param("excerpt", item.excerpt())
                .param("commentLink", item.commentLink())
                .update();
    }

    private boolean claim(OutgoingEmail email, String recipient, String messageId, boolean foldable) {
        int rows = jdbc.sql("""
                        insert into email_delivery (notification_id, recipient, comment_id, post_id, category,
                                                    message_id, status, attempts, first_attempt_at, last_attempt_at,
                                                    foldable)
                        values (:notificationId, :recipient, :commentId, :postId, :category,
                                :messageId, 'SENDING', 1, now(), now(), :foldable)
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
                .param("foldable", foldable)
                .update();
        return rows == 1;
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
