package io.commentflow.notification.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from            the From address of every email, e.g. {@code commentflow <no-reply@example.org>}
 * @param messageIdDomain the right-hand side of the Message-IDs we generate
 */
@ConfigurationProperties("commentflow.mail")
record NotificationMailProperties(
        @DefaultValue("commentflow <no-reply@commentflow.localhost>") String from,
        @DefaultValue("commentflow") String messageIdDomain) {
}
