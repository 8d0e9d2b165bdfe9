package io.commentflow.notification.delivery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The record of every email we tried to send, one row per (notification, recipient). Each statement runs
 * in its own short transaction (auto-commit): no database transaction stays open while we talk to SMTP.
 */
@Repository
class DeliveryLedger {

    private final JdbcClient jdbc;

    DeliveryLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the right to send: inserts the row as SENDING, or moves a FAILED or SENDING row back to
     * SENDING. Returns false when the row is already SENT, i.e. the email went out before.
     */
    boolean claim(OutgoingEmail email, String recipient, String messageId) {
        int rows = jdbc.sql("""
                        insert into email_delivery (notification_id, recipient, comment_id, post_id, category,
                                                    message_id, status, attempts, first_attempt_at, last_attempt_at)
                        values (:notificationId, :recipient, :commentId, :postId, :category,
                                :messageId, 'SENDING', 1, now(), now())
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
