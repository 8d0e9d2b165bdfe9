package io.commentflow.intake.submission;

import io.commentflow.intake.catalog.PostCatalog;
import io.commentflow.intake.state.SubmissionState;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.time.Clock;

/** Wires the plain-Java parts of submission. */
@Configuration(proxyBeanMethods = false)
class SubmissionConfig {

    @Bean
    CommentValidator commentValidator(IntakeProperties properties) {
        return new CommentValidator(properties.limits().toCommentLimits());
    }

    @Bean
    PostServiceLinks postServiceLinks(@Value("${commentflow.post-service-url}") String postServiceUrl) {
        return new PostServiceLinks(postServiceUrl);
    }

    @Bean
    ClientAddressResolver clientAddressResolver(IntakeProperties properties) {
        return new ClientAddressResolver(new TrustedProxies(properties.trustedProxies()));
    }

    @Bean
    PendingCommentToken pendingCommentToken(PendingTokenProperties properties, Clock clock) {
        return PendingCommentToken.of(properties.secret(), properties.lifetime(), clock);
    }

    @Bean
    CommentSubmission commentSubmission(CommentValidator validator, PostCatalog catalog, SubmissionState state,
                                        CommentPublisher publisher, IntakeMetrics metrics, IntakeProperties properties,
                                        Clock clock) {
        return new CommentSubmission(validator, catalog, state,
                new IdempotentRequests(state, properties.idempotencyWindow()),
                new SubmissionGuards(properties.floodInterval(), properties.duplicateWindow()),
                publisher, metrics, clock, properties.retryAfter());
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(IntakeProperties properties,
                                                                          IntakeMetrics metrics) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(properties.maxBodySize().toBytes(), metrics));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
