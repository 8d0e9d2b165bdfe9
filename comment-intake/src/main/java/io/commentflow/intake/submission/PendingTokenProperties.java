package io.commentflow.intake.submission;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code commentflow.pending-token.*}: the secret shared with post-service (env {@code COMMENTFLOW_PENDING_TOKEN_SECRET};
 * never a default) and how long a token lets the reader see their pending comment.
 */
@ConfigurationProperties("commentflow.pending-token")
record PendingTokenProperties(String secret, @DefaultValue("10m") Duration lifetime) {
}
