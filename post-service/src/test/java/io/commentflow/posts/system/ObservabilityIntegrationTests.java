package io.commentflow.posts.system;

import io.commentflow.events.Verdict;
import io.commentflow.posts.moderation.CommentModeration;
import io.commentflow.posts.moderation.ModerationService;
import io.commentflow.posts.post.Post;
import io.commentflow.posts.post.PostCatalog;
import io.commentflow.posts.support.Comments;
import io.commentflow.posts.support.Http;
import io.commentflow.posts.support.PostServiceIntegrationTest;
import io.commentflow.posts.support.ScoredComments;
import io.commentflow.posts.support.TestPosts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What operators watch: the probes and the metrics at /actuator/prometheus (issue 7). */
@PostServiceIntegrationTest
class ObservabilityIntegrationTests {

    @Autowired
    Http http;
    @Autowired
    PostCatalog catalog;
    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    ModerationService moderation;

    private Comments comments;
    private Post post;

    @BeforeEach
    void setUp() {
        comments = new Comments(kafka, http);
        post = TestPosts.create(catalog, "Observed");
    }

    @Test
    void answersLivenessAndReadinessProbes() {
        assertThat(http.getForEntity("/actuator/health/liveness", String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(http.getForEntity("/actuator/health/readiness", String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(http.getForObject("/actuator/health/readiness", String.class)).contains("\"status\":\"UP\"");
    }

    @Test
    void measuresSubmitToPublishLatencyForVerdictsAndModeratorsApart() {
        comments.publishAndAwait(ScoredComments.on(post.id()).verdict(Verdict.HAM).build(), "approved");
        UUID held = comments.publishAndAwait(ScoredComments.on(post.id()).verdict(Verdict.UNSURE).build(), "pending");
        moderation.moderate(held, CommentModeration.Action.APPROVE, "observer");

        String metrics = http.getForObject("/actuator/prometheus", String.class);
        assertThat(metrics)
                .contains("commentflow_comments_publish_latency_seconds_bucket{path=\"automatic\"")
                .contains("commentflow_comments_publish_latency_seconds_count{path=\"automatic\"}")
                .contains("commentflow_comments_publish_latency_seconds_count{path=\"moderated\"}");
    }

    @Test
    void countsPostPagesServedFromTheCacheAndRendered() {
        http.getForObject("/posts/" + post.slug(), String.class);
        http.getForObject("/posts/" + post.slug(), String.class);

        assertThat(http.getForObject("/actuator/prometheus", String.class))
                .containsPattern("cache_gets_total\\{cache=\"post_pages\",[^}]*result=\"hit\"[^}]*} [1-9]")
                .containsPattern("commentflow_post_page_renders_seconds_count(\\{[^}]*})? [1-9]");
    }

    @Test
    void exportsTheConsumersLag() {
        comments.publishAndAwait(ScoredComments.on(post.id()).verdict(Verdict.HAM).build(), "approved");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(http.getForObject("/actuator/prometheus", String.class))
                        .contains("kafka_consumer_fetch_manager_records_lag_max"));
    }
}
