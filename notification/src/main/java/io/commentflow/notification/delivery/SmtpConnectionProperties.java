package io.commentflow.notification.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Kept-open SMTP connections (see {@link SmtpConnectionPool}).
 *
 * @param maxIdle     how many connections stay open between emails; one per thread that sends at the same time
 *                    (the listener's consumers, the digest job, a manage-link request) is enough
 * @param idleTimeout a connection unused this long is closed instead of reused: servers drop idle clients
 *                    (Postfix after 5 minutes, some hosted relays after seconds)
 */
@ConfigurationProperties("commentflow.mail.connections")
record SmtpConnectionProperties(
        @DefaultValue("8") int maxIdle,
        @DefaultValue("30s") Duration idleTimeout) {

    SmtpConnectionProperties {
        if (maxIdle < 0) {
            throw new IllegalArgumentException("commentflow.mail.connections.max-idle must not be negative");
        }
        if (idleTimeout.isNegative()) {
            throw new IllegalArgumentException("commentflow.mail.connections.idle-timeout must not be negative");
        }
    }
}
