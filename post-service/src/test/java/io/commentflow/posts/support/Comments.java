package io.commentflow.posts.support;

import io.commentflow.events.CommentScored;
import io.commentflow.schemas.Topics;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Sends scored comments the way spam-filter does and watches their state through the public API. */
public final class Comments {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaTemplate<String, Object> kafka;
    private final Http http;

    public Comments(KafkaTemplate<String, Object> kafka, Http http) {
        this.kafka = kafka;
        this.http = http;
    }

    public UUID publish(CommentScored event) {
        try {
            kafka.send(Topics.COMMENT_SCORED.name(), event.getComment().getPostId().toString(), event).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return event.getComment().getCommentId();
    }

    /** Publishes the event and waits until the comment has the status. */
    public UUID publishAndAwait(CommentScored event, String status) {
        UUID id = publish(event);
        awaitStatus(id, status);
        return id;
    }

    public void awaitStatus(UUID commentId, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(status(commentId)).isEqualTo(status));
    }

    public String status(UUID commentId) {
        ResponseEntity<String> response = http.getForEntity("/api/comments/" + commentId, String.class);
        return response.getStatusCode().is2xxSuccessful() ? JSON.readTree(response.getBody()).get("status").asString() : null;
    }
}
