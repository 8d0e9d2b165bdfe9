package io.commentflow.posts.comment;

import io.commentflow.events.CommentScored;
import io.commentflow.events.NotificationKind;
import io.commentflow.events.ReplyNotification;
import io.commentflow.posts.post.Post;
import io.commentflow.posts.post.PostCatalog;
import io.commentflow.posts.support.Http;
import io.commentflow.posts.support.HttpClientConfig;
import io.commentflow.posts.support.ScoredComments;
import io.commentflow.posts.support.TestPosts;
import io.commentflow.posts.support.TopicReader;
import io.commentflow.schemas.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The main consume-and-publish path on the official Kafka image and PostgreSQL in containers. Skipped where
 * there is no Docker; {@link CommentScoredIntegrationTests} proves the same on the embedded broker.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "commentflow.post-service-url=http://blog.test")
@Import(HttpClientConfig.class)
class CommentScoredContainersIntegrationTests {

    @Container
    @ServiceConnection
    static PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");

    @Container
    @ServiceConnection
    static KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");

    @Autowired
    Http http;
    @Autowired
    PostCatalog catalog;
    @Autowired
    KafkaTemplate<String, Object> template;

    @Test
    void publishesHamCommentAndNotifiesPostAuthor() throws Exception {
        // given
        Post post = TestPosts.create(catalog, "In containers");
        CommentScored ham = ScoredComments.on(post.id()).content("Seen through Testcontainers").build();
        UUID id = ham.getComment().getCommentId();

        // when
        template.send(Topics.COMMENT_SCORED.name(), post.id().toString(), ham).get();

        // then
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(http.getForObject("/posts/" + post.slug(), String.class)).contains("id=\"comment-" + id + "\""));
        assertThat(http.getForObject("/api/posts/" + post.id() + "/comments", String.class)).contains("Seen through Testcontainers");
        try (TopicReader notifications = new TopicReader(kafka.getBootstrapServers(), Topics.REPLY_NOTIFICATION.name())) {
            ReplyNotification notification = (ReplyNotification) TopicReader.decode(notifications.awaitKey(id.toString()).get(0));
            assertThat(notification.getKind()).isEqualTo(NotificationKind.COMMENT_PUBLISHED);
            assertThat(notification.getPost().getAuthor().getEmail()).isEqualTo(TestPosts.AUTHOR_EMAIL);
            assertThat(notification.getCommentLink()).isEqualTo("http://blog.test/posts/" + post.slug() + "#comment-" + id);
        }
    }
}
