package io.commentflow.notification.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How a failing notification (SMTP down, database down) is retried before it goes to the dead-letter topic:
 * exponential back-off from {@code initialInterval}, times {@code multiplier} each attempt, at most
 * {@code maxInterval} between attempts, giving up once the waits add up to {@code maxElapsedTime}. A notification
 * that fails because the SMTP server or the database cannot be reached is retried until they are back.
 */
@ConfigurationProperties("commentflow.delivery.retry")
record RetryProperties(
        @DefaultValue("1s") Duration initialInterval,
        @DefaultValue("2") double multiplier,
        @DefaultValue("30s") Duration maxInterval,
        @DefaultValue("5m") Duration maxElapsedTime) {
}
