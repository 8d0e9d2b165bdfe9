package io.commentflow.intake.state;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code commentflow.intake.state-store}; which store is chosen by {@code commentflow.intake.state}
 * ({@code memory}, the default, or {@code redis}, which uses {@code spring.data.redis.*}).
 *
 * @param keyPrefix        prefix of every Redis key intake writes
 * @param memoryMaxEntries bound of each of the in-memory store's two tiers (short-lived and day-long keys), at about
 *                         300 bytes of heap an entry
 */
@ConfigurationProperties("commentflow.intake.state-store")
record StateStoreProperties(@DefaultValue("commentflow:intake:") String keyPrefix,
                            @DefaultValue("250000") long memoryMaxEntries) {
}
