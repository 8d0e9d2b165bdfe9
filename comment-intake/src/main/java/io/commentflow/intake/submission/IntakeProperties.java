package io.commentflow.intake.submission;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;

/**
 * Settings under {@code commentflow.intake}; WordPress's numbers are the defaults.
 *
 * @param publishTimeout    longest a request waits for the broker's acknowledgement before answering 503
 * @param retryAfter        what a 503 tells clients to wait before retrying
 * @param maxBodySize       largest request body read (413 above it)
 * @param floodInterval     least time between two comments from one client address or one email (429 within it);
 *                          zero turns the check off
 * @param duplicateWindow   how long an identical comment is refused as a duplicate (409); zero turns it off
 * @param idempotencyWindow how long an idempotency key or form nonce answers with the comment it first made
 * @param trustedProxies    CIDR blocks of proxies whose {@code Forwarded} / {@code X-Forwarded-For} are believed
 */
@ConfigurationProperties("commentflow.intake")
record IntakeProperties(@DefaultValue Limits limits,
                        @DefaultValue("4s") Duration publishTimeout,
                        @DefaultValue("5s") Duration retryAfter,
                        @DefaultValue("1MB") DataSize maxBodySize,
                        @DefaultValue("15s") Duration floodInterval,
                        @DefaultValue("24h") Duration duplicateWindow,
                        @DefaultValue("24h") Duration idempotencyWindow,
                        @DefaultValue List<String> trustedProxies) {

    /** WordPress's limits unless configured otherwise. */
    record Limits(@DefaultValue("245") int nameMaxChars,
                  @DefaultValue("100") int emailMaxChars,
                  @DefaultValue("200") int urlMaxChars,
                  @DefaultValue("65525") int contentMaxBytes) {

        CommentLimits toCommentLimits() {
            return new CommentLimits(nameMaxChars, emailMaxChars, urlMaxChars, contentMaxBytes);
        }
    }
}
