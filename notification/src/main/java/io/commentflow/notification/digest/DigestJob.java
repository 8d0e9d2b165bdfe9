package io.commentflow.notification.digest;

import io.commentflow.notification.delivery.DigestProperties;
import io.commentflow.notification.delivery.MailDelivery;
import io.commentflow.notification.links.ModerationLinks;
import io.commentflow.notification.links.SubscriptionLinks;
import io.commentflow.notification.subscription.Subscriptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends the digests volume control collects: every {@code commentflow.digest.check-interval}, the open entries
 * of each (recipient, post) whose oldest entry waited {@code commentflow.digest.interval} become one digest,
 * and every pending digest is sent through the delivery ledger (its id is the notification id, so a digest is
 * sent at most once however often the job runs or crashes). A digest to an address that has since unsubscribed
 * from the post or from everything is dropped. A lease keeps two instances from sending the same digest at once.
 */
@Component
class DigestJob {

    private static final Logger log = LoggerFactory.getLogger(DigestJob.class);
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final DigestStore store;
    private final DigestComposer composer;
    private final MailDelivery delivery;
    private final Subscriptions subscriptions;
    private final DigestProperties properties;

    DigestJob(DigestStore store, SubscriptionLinks links, ModerationLinks moderation, MailDelivery delivery,
              Subscriptions subscriptions, DigestProperties properties) {
        this.store = store;
        this.composer = new DigestComposer(links, moderation);
        this.delivery = delivery;
        this.subscriptions = subscriptions;
        this.properties = properties;
    }

    @Scheduled(initialDelayString = "${commentflow.digest.check-interval:1m}",
            fixedDelayString = "${commentflow.digest.check-interval:1m}")
    void scheduled() {
        runOnce();
    }

    /** Batches what is due and sends every pending digest; returns how many digests went out now. */
    synchronized int runOnce() {
        for (DigestStore.Group group : store.dueGroups(properties.interval())) {
            store.createDigest(group);
        }
        int sent = 0;
        for (UUID id : store.pendingDigests()) {
            if (!store.lease(id, LEASE)) {
                continue;
            }
            DigestStore.Digest digest = store.load(id);
            Optional<UUID> addressId = digest.entries().stream().map(DigestStore.Entry::addressId).findFirst();
            if (addressId.isEmpty() || subscriptions.isMuted(addressId.get(), digest.postId())) {
                store.mark(id, "DROPPED");
                log.info("Digest {} about post {} dropped: the reader unsubscribed", id, digest.postId());
                continue;
            }
            try {
                if (delivery.deliver(composer.compose(digest)) == MailDelivery.Outcome.SENT) {
                    sent++;
                }
                store.mark(id, "SENT");
            } catch (MailPreparationException | MailParseException e) {
                store.mark(id, "DROPPED");
                log.warn("Digest {} about post {} cannot be built, dropped: {}", id, digest.postId(),
                        e.getClass().getSimpleName());
            } catch (MailException e) {
                store.release(id);
                log.warn("Digest {} about post {} not sent, will retry: {}", id, digest.postId(),
                        e.getClass().getSimpleName());
            }
        }
        return sent;
    }
}
