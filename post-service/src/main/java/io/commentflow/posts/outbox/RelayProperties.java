package io.commentflow.posts.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param enabled     whether the relay starts with the application (tests switch it off to act as the crash)
 * @param interval    how long an idle relay waits before looking again (commits wake it earlier)
 * @param linger      how long the relay waits after a run before a commit may wake it again: under load a run then
 *                    takes what many commits appended (one transaction, one round of sends) instead of what one did
 * @param batchSize   rows sent per database transaction
 * @param maxBackoff  longest wait between attempts while Kafka or the database is unreachable
 * @param sendTimeout how long to wait for the broker to acknowledge a batch
 */
@ConfigurationProperties("commentflow.outbox.relay")
record RelayProperties(@DefaultValue("true") boolean enabled,
                       @DefaultValue("200ms") Duration interval,
                       @DefaultValue("100ms") Duration linger,
                       @DefaultValue("500") int batchSize,
                       @DefaultValue("5s") Duration maxBackoff,
                       @DefaultValue("45s") Duration sendTimeout) {
}
