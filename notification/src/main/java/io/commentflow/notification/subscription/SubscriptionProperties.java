package io.commentflow.notification.subscription;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param confirmationLifetime how long a confirm link works; unconfirmed requests are deleted after it
 * @param manageLinkLifetime   how long an emailed manage (magic) link works
 * @param manageLinkInterval   at most one manage-link email per address within this interval
 * @param purgeInterval        how often expired requests are deleted
 */
@ConfigurationProperties("commentflow.subscriptions")
record SubscriptionProperties(
        @DefaultValue("7d") Duration confirmationLifetime,
        @DefaultValue("24h") Duration manageLinkLifetime,
        @DefaultValue("15m") Duration manageLinkInterval,
        @DefaultValue("1h") Duration purgeInterval) {
}
