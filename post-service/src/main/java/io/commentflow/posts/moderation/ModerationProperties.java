package io.commentflow.posts.moderation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param spamRetention how long spam is kept before it is purged (WordPress: 15 days)
 * @param purgeInterval how often the purge runs
 * @param perPage       comments per page of the moderation lists
 */
@ConfigurationProperties("commentflow.moderation")
record ModerationProperties(@DefaultValue("15d") Duration spamRetention,
                            @DefaultValue("1h") Duration purgeInterval,
                            @DefaultValue("50") int perPage) {
}
