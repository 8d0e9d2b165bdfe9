package io.commentflow.notification.links;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/**
 * The signed links, from configuration. The subscription secret is required (every email carries an
 * unsubscribe link); without a moderation secret "Please moderate" emails carry no approve / spam / trash links.
 */
@Configuration(proxyBeanMethods = false)
class LinksConfig {

    private static final Logger log = LoggerFactory.getLogger(LinksConfig.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SubscriptionLinks subscriptionLinks(@Value("${commentflow.notification-url}") String notificationUrl,
                                        @Value("${commentflow.subscription-links.secret:}") String secret) {
        return new SubscriptionLinks(notificationUrl,
                new LinkSigner(secret, "commentflow.subscription-links.secret (COMMENTFLOW_SUBSCRIPTION_LINKS_SECRET)"));
    }

    @Bean
    ModerationLinks moderationLinks(@Value("${commentflow.post-service-url}") String postServiceUrl,
                                              @Value("${commentflow.moderation-links.secret:}") String secret,
                                              @Value("${commentflow.moderation-links.lifetime:7d}") Duration lifetime,
                                              Clock clock) {
        if (secret == null || secret.isBlank()) {
            log.warn("commentflow.moderation-links.secret is not set: moderation emails will carry no signed links");
            return ModerationLinks.disabled(postServiceUrl);
        }
        return new ModerationLinks(postServiceUrl,
                new LinkSigner(secret, "commentflow.moderation-links.secret (COMMENTFLOW_MODERATION_LINKS_SECRET)"),
                lifetime, clock);
    }
}
