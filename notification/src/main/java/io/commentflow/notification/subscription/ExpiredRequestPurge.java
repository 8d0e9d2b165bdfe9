package io.commentflow.notification.subscription;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes subscription requests nobody confirmed within {@code commentflow.subscriptions.confirmation-lifetime}.
 * Their confirm links stop working at that moment anyway (the link carries its expiry and the row is checked);
 * this only stops keeping the (post, address) pair. The address row remembers it got its one confirmation email.
 */
@Component
class ExpiredRequestPurge {

    private static final Logger log = LoggerFactory.getLogger(ExpiredRequestPurge.class);

    private final SubscriptionStore store;

    ExpiredRequestPurge(SubscriptionStore store) {
        this.store = store;
    }

    @Scheduled(initialDelayString = "${commentflow.subscriptions.purge-interval:1h}",
            fixedDelayString = "${commentflow.subscriptions.purge-interval:1h}")
    void scheduled() {
        purge();
    }

    int purge() {
        int deleted = store.deleteExpiredRequests();
        if (deleted > 0) {
            log.info("Deleted {} expired subscription request(s)", deleted);
        }
        return deleted;
    }
}
