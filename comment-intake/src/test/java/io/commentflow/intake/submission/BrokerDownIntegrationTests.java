package io.commentflow.intake.submission;

import io.commentflow.events.PostChanged;
import io.commentflow.intake.catalog.PostCatalogView;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no broker listening, intake answers quickly and honestly: 503 with Retry-After, never a hang or a 500. First
 * the post catalog cannot load (not ready: 503 rather than a false 404); then, with the view filled by hand as if it
 * had loaded before the broker went away, the publish itself times out into a 503 within 5 s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // nothing to declare topics on; do not spend start-up time trying
        properties = "spring.kafka.admin.auto-create=false")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrokerDownIntegrationTests {

    private static final UUID POST = UUID.fromString("6f1c4a1e-8a8b-4b4e-9c57-0d6c1f0e2a11");
    private static final String POST_URL = "http://localhost:8080/posts/hello";

    @DynamicPropertySource
    static void closedPort(DynamicPropertyRegistry registry) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + port);
    }

    @Autowired
    PostCatalogView view;

    private Http http;

    @LocalServerPort
    void port(int port) {
        http = new Http(port);
    }

    @Test
    @Order(1)
    void staysAliveButNotReadyWhileThePostCatalogCannotBeRead() {
        HttpResponse<String> response = http.postJson("/api/comments", json());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
        assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        HttpResponse<String> readiness = http.get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("OUT_OF_SERVICE");
    }

    @Test
    @Order(2)
    void answersTheFormWithA503PageWhileThePostCatalogCannotBeRead() {
        HttpResponse<String> response = http.postForm("/wp-comments-post.php", form());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
        assertThat(response.body()).contains("could not be saved");
    }

    @Test
    @Order(3)
    void stillRefusesBadInputWith400() {
        assertThat(http.postJson("/api/comments", "{}").statusCode()).isEqualTo(400);
    }

    @Test
    @Order(4)
    void answersServiceUnavailableWithinFiveSecondsWhenThePublishTimesOut() {
        catalogLoadedBeforeTheBrokerWentAway();
        for (int attempt = 0; attempt < 2; attempt++) {   // the second send finds a producer already created
            long start = System.nanoTime();
            HttpResponse<String> response = http.postJson("/api/comments", json());
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(took).isLessThan(Duration.ofSeconds(5));
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(response.headers().firstValue("Retry-After")).contains("5");
            assertThat(response.body()).contains("\"status\":503");
        }
    }

    @Test
    @Order(5)
    void answersAFormPostWithAnHtmlServiceUnavailablePage() {
        catalogLoadedBeforeTheBrokerWentAway();
        long start = System.nanoTime();
        HttpResponse<String> response = http.postForm("/wp-comments-post.php", form());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("could not be saved");
    }

    private void catalogLoadedBeforeTheBrokerWentAway() {
        view.apply(PostChanged.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(Instant.now())
                .setPostId(POST).setSlug("hello").setTitle("Hello").setLink(POST_URL)
                .setPublished(true).setCommentsOpen(true).build());
        view.markCaughtUp();
    }

    private static String json() {
        return """
                {"post": "%s", "author_name": "Ada", "author_email": "%s", "content": "Hi"}"""
                .formatted(POST, IntakeIntegrationSupport.email("ada"));
    }

    private static Map<String, String> form() {
        return Map.of("comment_post_ID", POST.toString(), "author", "Ada", "email", IntakeIntegrationSupport.email("ada"),
                "comment", "Hi", "redirect_to", POST_URL);
    }
}
