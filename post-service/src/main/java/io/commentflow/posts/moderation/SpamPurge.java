package io.commentflow.posts.moderation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** Deletes spam once it has been spam for longer than {@code commentflow.moderation.spam-retention}. */
@Component
class SpamPurge {

    private static final Logger log = LoggerFactory.getLogger(SpamPurge.class);

    private final ModerationService moderation;
    private final ModerationProperties properties;
    private final Clock clock;

    SpamPurge(ModerationService moderation, ModerationProperties properties, Clock clock) {
        this.moderation = moderation;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${commentflow.moderation.purge-interval:1h}",
            fixedDelayString = "${commentflow.moderation.purge-interval:1h}")
    int purge() {
        int purged = moderation.purgeSpam(clock.instant().minus(properties.spamRetention()));
        if (purged > 0) {
            log.info("Purged {} spam comments older than {}", purged, properties.spamRetention());
        }
        return purged;
    }
}
