package io.commentflow.intake.submission;

import io.commentflow.events.CommentSubmitted;
import io.commentflow.schemas.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes {@link CommentSubmitted} and returns only once the broker acknowledged it (acks=all), so a 202 means the
 * comment is durable. Producer timeouts in application.yml keep a dead broker from holding a request longer than
 * the publish timeout; the bounded wait here is the last line of that defence.
 */
@Component
class CommentPublisher {

    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final Duration timeout;

    CommentPublisher(KafkaTemplate<String, SpecificRecord> kafka, IntakeProperties properties) {
        this.kafka = kafka;
        this.timeout = properties.publishTimeout();
    }

    void publish(CommentSubmitted comment) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            kafka.send(Topics.COMMENT_SUBMITTED.name(), comment.getPostId().toString(), comment)
                    .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(comment, e);
        } catch (ExecutionException | TimeoutException
                 | org.apache.kafka.common.KafkaException | org.springframework.kafka.KafkaException e) {
            throw unavailable(comment, e);
        }
    }

    private static BrokerUnavailableException unavailable(CommentSubmitted comment, Exception cause) {
        return new BrokerUnavailableException("broker did not acknowledge comment " + comment.getCommentId(), cause);
    }
}
