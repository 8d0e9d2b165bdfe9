package io.commentflow.notification.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Volume control: once an address got {@code threshold} emails about one post within {@code window}, further
 * emails about that post are folded into a digest, sent once its oldest entry has waited {@code interval}
 * (the job looks every {@code checkInterval}).
 */
@ConfigurationProperties("commentflow.digest")
public record DigestProperties(
        @DefaultValue("5") int threshold,
        @DefaultValue("1h") Duration window,
        @DefaultValue("1h") Duration interval,
        @DefaultValue("1m") Duration checkInterval) {

    public DigestProperties {
        if (threshold < 1) {
            throw new IllegalArgumentException("commentflow.digest.threshold must be at least 1");
        }
    }
}
