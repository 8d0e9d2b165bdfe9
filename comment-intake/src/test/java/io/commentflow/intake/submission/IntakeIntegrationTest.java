package io.commentflow.intake.submission;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one Spring context the integration tests share (same annotation, same cached context, one embedded broker):
 * intake on a random port behind a pretend proxy at 127.0.0.1, pending-comment tokens on, WordPress's limits.
 */
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "commentflow.intake.trusted-proxies=127.0.0.1/32,::1/128",
        "commentflow.pending-token.secret=" + IntakeIntegrationTest.PENDING_TOKEN_SECRET,
        "commentflow.intake.cors.allowed-origins=http://localhost:8080, https://blog.example.org/"})
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers",
        brokerProperties = "auto.create.topics.enable=false")
@interface IntakeIntegrationTest {

    String PENDING_TOKEN_SECRET = "integration-test-pending-secret";
    String POST_SERVICE = "http://localhost:8080";
}
