package io.commentflow.posts.moderation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param secret   signs the one-click links ({@code COMMENTFLOW_MODERATION_LINKS_SECRET}); no default: without it
 *                 the links are switched off and {@code /moderate/…} answers 404
 * @param lifetime how long a link works (notification uses the same)
 */
@ConfigurationProperties("commentflow.moderation-links")
record ModerationLinkProperties(String secret, @DefaultValue("7d") Duration lifetime) {
}
