package io.commentflow.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends an {@link OutgoingEmail} at most once per (notification, recipient), through the delivery ledger:
 * <ol>
 *   <li><b>claim</b> the ledger row (SENDING); if it is already SENT, stop: the email went out before;</li>
 *   <li><b>send</b> through SMTP; on failure mark the row FAILED and rethrow, so the Kafka error handler
 *       retries with back-off and finally dead-letters the notification;</li>
 *   <li><b>mark</b> the row SENT once the SMTP server accepted the message.</li>
 * </ol>
 * The one window this order cannot close: the process dies (or the database is unreachable) after the SMTP
 * server accepted the message and before the row says SENT. The notification is then redelivered, the row
 * is still SENDING, and the email is sent a second time, with the same Message-ID. SMTP has no way to ask
 * "did you already take this message?", so the choice is between a rare duplicate and a possibly lost
 * email; we choose the duplicate. (Treating SENDING as "maybe sent" would lose the email whenever the crash
 * came before the server accepted it.)
 */
@Component
public class MailDelivery {

    /** What {@link #deliver} did. */
    public enum Outcome { SENT, ALREADY_SENT, FOLDED_INTO_DIGEST }

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final DeliveryLedger ledger;
    private final SmtpConnectionPool smtp;
    private final MimeMailWriter writer;
    private final MessageIds messageIds;
    private final MeterRegistry meters;
    private final DigestProperties volume;

    MailDelivery(DeliveryLedger ledger, JavaMailSender mailSender, SmtpConnectionPool smtp,
                 NotificationMailProperties properties, MeterRegistry meters, DigestProperties volume) {
        this.ledger = ledger;
        this.volume = volume;
        this.smtp = smtp;
        this.writer = new MimeMailWriter(mailSender, properties.from());
        this.messageIds = new MessageIds(properties.messageIdDomain());
        this.meters = meters;
    }

    /** Sends the email unless the ledger says it was sent already; throws a {@link MailException} if SMTP fails. */
    public Outcome deliver(OutgoingEmail email) {
        String recipient = MessageIds.normalize(email.recipientAddress());
        String messageId = messageIds.of(email.notificationId(), recipient);

        if (!ledger.claim(email, recipient, messageId)) {
            return alreadySent(email);
        }
        return send(email, recipient, messageId);
    }

    /**
     * Like {@link #deliver}, but under volume control: when the recipient already got
     * {@code commentflow.digest.threshold} emails about this post within the window, the email is kept as a
     * digest entry (see the digest job) instead of being sent now.
     */
    public Outcome deliverOrFold(OutgoingEmail email, DigestItem item) {
        String recipient = MessageIds.normalize(email.recipientAddress());
        String messageId = messageIds.of(email.notificationId(), recipient);

        return switch (ledger.claimOrFold(email, recipient, messageId, item, volume.threshold(), volume.window())) {
            case FOLDED -> {
                counter("commentflow.emails.folded", email).increment();
                log.info("Email {} about comment {} (notification {}) folded into the digest",
                        email.category(), email.commentId(), email.notificationId());
                yield Outcome.FOLDED_INTO_DIGEST;
            }
            case ALREADY_SENT -> alreadySent(email);
            case CLAIMED -> send(email, recipient, messageId);
        };
    }

    private Outcome alreadySent(OutgoingEmail email) {
        counter("commentflow.emails.duplicates", email).increment();
        log.info("Email {} about comment {} (notification {}) was sent before; not sending it again",
                email.category(), email.commentId(), email.notificationId());
        return Outcome.ALREADY_SENT;
    }

    private Outcome send(OutgoingEmail email, String recipient, String messageId) {
        try {
            MimeMessage message = writer.write(email, messageId);
            smtp.send(message);
        } catch (MailException e) {
            counter("commentflow.emails.failed", email).increment();
            try {
                ledger.markFailed(email, recipient, e);
            } catch (RuntimeException ledgerDown) {
                e.addSuppressed(ledgerDown);
            }
            log.warn("Email {} about comment {} (notification {}) failed: {}",
                    email.category(), email.commentId(), email.notificationId(), e.getClass().getSimpleName());
            throw e;
        }
        // The SMTP server has the message now. If we die before the next statement commits, the redelivered
        // notification sends it again (see the class comment): the one window SMTP cannot close.
        ledger.markSent(email, recipient);
        counter("commentflow.emails.sent", email).increment();
        log.info("Sent email {} about comment {} (notification {})",
                email.category(), email.commentId(), email.notificationId());
        return Outcome.SENT;
    }

    private Counter counter(String name, OutgoingEmail email) {
        return meters.counter(name, "category", email.category());
    }
}
