package io.commentflow.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends an {@link OutgoingEmail} at most once per (notification, recipient), through the delivery ledger:
 * <ol>
 *   <li><b>claim</b> the ledger row (SENDING); if it is already SENT, stop: the email went out before;</li>
 *   <li><b>send</b> through SMTP; on failure mark the row FAILED and rethrow, so the Kafka error handler
 *       retries with back-off and finally dead-letters the notification;</li>
 *   <li><b>mark</b> the row SENT once the SMTP server accepted the message.</li>
 * </ol>
 * The emails of a poll of notifications are claimed (or folded into digests) together, in the poll's transaction
 * ({@link #claimOrFoldAll}), and each is then sent and marked on its own ({@link #complete}), so the window below
 * stays one email wide.
 * <p>
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
    /** The counters by name and category, looked up once (a registry lookup per email is measurable). */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    MailDelivery(DeliveryLedger ledger, JavaMailSenderImpl mailSender, SmtpConnectionPool smtp,
                 NotificationMailProperties properties, MeterRegistry meters, DigestProperties volume) {
        this.ledger = ledger;
        this.volume = volume;
        this.smtp = smtp;
        this.writer = new MimeMailWriter(mailSender.getSession(), properties.from());
        this.messageIds = new MessageIds(properties.messageIdDomain());
        this.meters = meters;
    }

    /** Sends the email unless the ledger says it was sent already; throws a {@link MailException} if SMTP fails. */
    public Outcome deliver(OutgoingEmail email) {
        String recipient = MessageIds.normalize(email.recipientAddress());
        String messageId = messageIds.of(email.notificationId(), recipient);

        if (!ledger.claim(email, recipient, messageId)) {
            return alreadySent(email, true);
        }
        return send(email, recipient, messageId, true);
    }

    /**
     * Step 1 for the emails of a poll, under volume control, in the caller's transaction, which must commit before
     * any of them is passed to {@link #complete}: each email is claimed for sending, unless the recipient already got
     * {@code commentflow.digest.threshold} emails about its post within the window; then it is kept as a digest
     * entry (see the digest job) instead of being sent now. Returns the decisions in the order of the emails.
     */
    public List<Claim> claimOrFoldAll(List<FoldableEmail> emails) {
        List<DeliveryLedger.Pending> pending = new ArrayList<>(emails.size());
        for (FoldableEmail foldable : emails) {
            String recipient = MessageIds.normalize(foldable.email().recipientAddress());
            pending.add(new DeliveryLedger.Pending(foldable, recipient,
                    messageIds.of(foldable.email().notificationId(), recipient)));
        }
        List<Claim.Decision> decisions = ledger.claimOrFoldAll(pending, volume.threshold(), volume.window());
        List<Claim> claims = new ArrayList<>(pending.size());
        for (int i = 0; i < pending.size(); i++) {
            DeliveryLedger.Pending email = pending.get(i);
            claims.add(new Claim(email.foldable().email(), email.recipient(), email.messageId(), decisions.get(i)));
        }
        return claims;
    }

    /**
     * Steps 2 and 3 for one email of a poll, once the poll's claims committed: sends it if it was claimed and marks
     * it SENT; throws a {@link MailException} if SMTP fails (the row is then FAILED).
     */
    public Outcome complete(Claim claim) {
        return switch (claim.decision()) {
            case SEND -> send(claim.email(), claim.recipient(), claim.messageId(), false);
            case ALREADY_SENT -> alreadySent(claim.email(), false);
            case FOLDED -> {
                counter("commentflow.emails.folded", claim.email()).increment();
                log.debug("Email {} about comment {} (notification {}) folded into the digest",
                        claim.email().category(), claim.email().commentId(), claim.email().notificationId());
                yield Outcome.FOLDED_INTO_DIGEST;
            }
        };
    }

    /**
     * Gives back claims that were not {@link #complete}d because their poll stopped at an earlier failure: their
     * notifications are delivered again, and claim them again.
     */
    public void release(Collection<Claim> claims) {
        List<DeliveryLedger.Key> keys = new ArrayList<>();
        for (Claim claim : claims) {
            if (claim.decision() == Claim.Decision.SEND) {
                keys.add(new DeliveryLedger.Key(claim.email().notificationId(), claim.recipient()));
            }
        }
        ledger.release(keys);
    }

    /**
     * Builds the email and writes it out as sending it would (Message-ID, MIME, transfer encodings), into nothing: no
     * ledger, no SMTP server. For warming the email path up.
     */
    public void rehearse(OutgoingEmail email) {
        String recipient = MessageIds.normalize(email.recipientAddress());
        MimeMessage message = writer.write(email, messageIds.of(email.notificationId(), recipient));
        try {
            message.writeTo(OutputStream.nullOutputStream());
        } catch (IOException | MessagingException e) {
            throw new MailPreparationException("cannot write the email for notification " + email.notificationId(), e);
        }
    }

    private Outcome alreadySent(OutgoingEmail email, boolean logEach) {
        counter("commentflow.emails.duplicates", email).increment();
        log.atLevel(logEach ? Level.INFO : Level.DEBUG)
                .log("Email {} about comment {} (notification {}) was sent before; not sending it again",
                        email.category(), email.commentId(), email.notificationId());
        return Outcome.ALREADY_SENT;
    }

    /** {@code logEach}: an INFO line per email; a poll's emails are logged per notification by the listener. */
    private Outcome send(OutgoingEmail email, String recipient, String messageId, boolean logEach) {
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
        log.atLevel(logEach ? Level.INFO : Level.DEBUG).log("Sent email {} about comment {} (notification {})",
                email.category(), email.commentId(), email.notificationId());
        return Outcome.SENT;
    }

    private Counter counter(String name, OutgoingEmail email) {
        return counters.computeIfAbsent(name + ' ' + email.category(),
                key -> meters.counter(name, "category", email.category()));
    }
}
