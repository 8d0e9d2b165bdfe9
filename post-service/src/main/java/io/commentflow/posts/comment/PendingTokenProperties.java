package io.commentflow.posts.comment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param secret verifies intake's pending-comment tokens ({@code COMMENTFLOW_PENDING_TOKEN_SECRET}); no default:
 *               without it no pending comment is ever shown
 */
@ConfigurationProperties("commentflow.pending-token")
public record PendingTokenProperties(String secret) {
}
