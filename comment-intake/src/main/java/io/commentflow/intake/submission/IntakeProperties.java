package io.commentflow.intake.submission;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings under {@code commentflow.intake}.
 *
 * @param publishTimeout longest a request waits for the broker's acknowledgement before answering 503
 * @param retryAfter     what a 503 tells clients to wait before retrying
 */
@ConfigurationProperties("commentflow.intake")
record IntakeProperties(@DefaultValue Limits limits,
                        @DefaultValue("4s") Duration publishTimeout,
                        @DefaultValue("5s") Duration retryAfter) {

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
