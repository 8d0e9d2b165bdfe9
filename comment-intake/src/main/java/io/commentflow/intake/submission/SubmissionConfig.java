package io.commentflow.intake.submission;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
}
