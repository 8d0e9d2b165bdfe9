package io.commentflow.notification.reply;

import io.commentflow.events.ReplyNotification;
import io.commentflow.notification.delivery.Claim;
import io.commentflow.notification.delivery.FoldableEmail;
import io.commentflow.notification.delivery.MailDelivery;
import io.commentflow.notification.subscription.Audience;
import io.commentflow.notification.subscription.Subscriptions;
import io.commentflow.notification.webhook.Webhooks;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Emails a poll of reply notifications (records whose values are {@link ReplyNotification}s), in two steps:
 * <ol>
 *   <li><b>plan</b>, in one short database transaction for the whole poll: record the site's webhooks (an outbox row
 *       each; {@code WebhookJob} sends them), load every audience, decide who gets what ({@link ReplyFanOut}), and
 *       claim each email in the delivery ledger or fold it into a digest ({@link MailDelivery#claimOrFoldAll}). Nothing
 *       has been sent when it commits; if it fails, the poll is planned again one notification at a time, so that a
 *       notification the database or the composer refuses is the one retried and dead-lettered, and those before it
 *       in the poll are emailed;</li>
 *   <li><b>send</b>, notification by notification in the poll's order: record a follow-up request and send its
 *       confirmation, then each claimed email, marked SENT in the ledger as soon as the SMTP server took it.</li>
 * </ol>
 * It stops at the first notification that fails and names it: every notification before it is done; the claims not
 * tried yet are given back (their notifications are delivered again after it). An SMTP or database failure stops at
 * once (the error handler retries the notification with back-off, then dead-letters it); an email that can never be
 * built only after the notification's other emails went out (the notification is dead-lettered at once). Every step
 * is idempotent, so a retried or redelivered notification sends nothing twice.
 */
@Component
class ReplyMailer {

    /** The first notification of a poll that failed, by its index in the poll, and why. */
    record Failure(int index, RuntimeException cause) {
    }

    private static final Logger log = LoggerFactory.getLogger(ReplyMailer.class);

    private final ReplyFanOut fanOut;
    private final MailDelivery delivery;
    private final Subscriptions subscriptions;
    private final Webhooks webhooks;
    private final TransactionTemplate transactions;

    ReplyMailer(ReplyFanOut fanOut, MailDelivery delivery, Subscriptions subscriptions, Webhooks webhooks,
                TransactionTemplate transactions) {
        this.fanOut = fanOut;
        this.delivery = delivery;
        this.subscriptions = subscriptions;
        this.webhooks = webhooks;
        this.transactions = transactions;
    }

    Optional<Failure> mail(List<ConsumerRecord<String, SpecificRecord>> records) {
        if (records.isEmpty()) {
            return Optional.empty();
        }
        List<ReplyNotification> notifications = new ArrayList<>(records.size());
        records.forEach(record -> notifications.add((ReplyNotification) record.value()));
        List<List<Claim>> claims;
        try {
            claims = transactions.execute(tx -> plan(notifications));
        } catch (RuntimeException e) {
            if (records.size() == 1) {
                return Optional.of(new Failure(0, e));
            }
            log.warn("Planning the emails of {} notifications at once failed ({}); one at a time now", records.size(),
                    e.getClass().getSimpleName());
            for (int i = 0; i < records.size(); i++) {
                Optional<Failure> failure = mail(records.subList(i, i + 1));
                if (failure.isPresent()) {
                    return Optional.of(new Failure(i, failure.get().cause()));
                }
            }
            return Optional.empty();
        }
        return send(records, notifications, claims);
    }

    /** Webhooks, audiences, emails, claims: the claims of each notification, in the poll's order. */
    private List<List<Claim>> plan(List<ReplyNotification> notifications) {
        webhooks.enqueueAll(notifications);
        List<Audience> audiences = subscriptions.audiencesFor(notifications);
        List<FoldableEmail> emails = new ArrayList<>();
        int[] counts = new int[notifications.size()];
        for (int i = 0; i < notifications.size(); i++) {
            List<FoldableEmail> planned = fanOut.emailsFor(notifications.get(i), audiences.get(i));
            counts[i] = planned.size();
            emails.addAll(planned);
        }
        List<Claim> all = delivery.claimOrFoldAll(emails);
        List<List<Claim>> byNotification = new ArrayList<>(notifications.size());
        int from = 0;
        for (int count : counts) {
            byNotification.add(all.subList(from, from + count));
            from += count;
        }
        return byNotification;
    }

    private Optional<Failure> send(List<ConsumerRecord<String, SpecificRecord>> records,
                                   List<ReplyNotification> notifications, List<List<Claim>> claims) {
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, SpecificRecord> record = records.get(i);
            ReplyNotification notification = notifications.get(i);
            List<Claim> own = claims.get(i);
            int next = 0;
            int sent = 0;
            int folded = 0;
            int before = 0;
            RuntimeException permanent = null;
            // fields of the structured logs for every line written while this record is handled (key = comment id)
            MDC.put("commentId", String.valueOf(record.key()));
            MDC.put("topic", record.topic());
            MDC.put("partition", String.valueOf(record.partition()));
            MDC.put("offset", String.valueOf(record.offset()));
            try {
                try {
                    subscriptions.followUpRequest(notification).ifPresent(delivery::deliver);
                } catch (MailPreparationException | MailParseException e) {
                    permanent = e;
                }
                while (next < own.size()) {
                    try {
                        switch (delivery.complete(own.get(next++))) {
                            case SENT -> sent++;
                            case FOLDED_INTO_DIGEST -> folded++;
                            case ALREADY_SENT -> before++;
                        }
                    } catch (MailPreparationException | MailParseException e) {
                        permanent = keepFirst(permanent, e);
                    }
                }
            } catch (RuntimeException e) {
                // SMTP or the database: this notification is retried after the back-off, the later ones follow it
                giveBack(own.subList(next, own.size()), claims, i + 1);
                return Optional.of(new Failure(i, e));
            } finally {
                MDC.remove("commentId");
                MDC.remove("topic");
                MDC.remove("partition");
                MDC.remove("offset");
            }
            log.info("Notification {} ({}) about comment {} at {}-{}@{}: {} sent, {} folded into the digest, {} sent"
                            + " before; follow-up request: {}", notification.getEventId(), notification.getKind(),
                    notification.getCommentId(), record.topic(), record.partition(), record.offset(), sent, folded,
                    before, notification.getNotifyFollowups());
            if (permanent != null) {
                // after every other email of it went out: the notification goes to the dead-letter topic for an operator
                giveBack(List.of(), claims, i + 1);
                return Optional.of(new Failure(i, permanent));
            }
        }
        return Optional.empty();
    }

    /** Gives back the claims not tried: {@code rest} of one notification, and those of the notifications from {@code from}. */
    private void giveBack(List<Claim> rest, List<List<Claim>> claims, int from) {
        List<Claim> untried = new ArrayList<>(rest);
        claims.subList(from, claims.size()).forEach(untried::addAll);
        try {
            delivery.release(untried);
        } catch (RuntimeException e) {
            // the rows stay claimed; the redelivered notifications claim them again, one attempt counted too many
            log.warn("Could not give back {} claims: {}", untried.size(), e.getClass().getSimpleName());
        }
    }

    private static RuntimeException keepFirst(RuntimeException first, RuntimeException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }
}
