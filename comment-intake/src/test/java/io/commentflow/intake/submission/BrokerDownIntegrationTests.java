package io.commentflow.intake.submission;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** With no broker listening, intake answers quickly and honestly: 503, never a hang or a 500. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // nothing to declare topics on; do not spend start-up time trying
        properties = "spring.kafka.admin.auto-create=false")
class BrokerDownIntegrationTests {

    private static final String POST = "6f1c4a1e-8a8b-4b4e-9c57-0d6c1f0e2a11";

    @DynamicPropertySource
    static void closedPort(DynamicPropertyRegistry registry) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + port);
    }

    private Http http;

    @LocalServerPort
    void port(int port) {
        http = new Http(port);
    }

    @Test
    void answersServiceUnavailableWithinFiveSecondsWhenTheBrokerIsDown() {
        for (int attempt = 0; attempt < 2; attempt++) {   // the second send finds a producer already created
            long start = System.nanoTime();
            HttpResponse<String> response = http.postJson("/api/comments", """
                    {"post": "%s", "author_name": "Ada", "author_email": "ada@example.org", "content": "Hi"}"""
                    .formatted(POST));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(took).isLessThan(Duration.ofSeconds(5));
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(response.headers().firstValue("Retry-After")).contains("5");
            assertThat(response.body()).contains("\"status\":503");
        }
    }

    @Test
    void answersAFormPostWithAnHtmlServiceUnavailablePage() {
        long start = System.nanoTime();
        HttpResponse<String> response = http.postForm("/wp-comments-post.php", Map.of(
                "comment_post_ID", POST, "author", "Ada", "email", "ada@example.org", "comment", "Hi",
                "redirect_to", "http://localhost:8080/posts/hello"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("could not be saved");
    }

    @Test
    void stillRefusesBadInputWith400AndReportsHealthy() {
        assertThat(http.postJson("/api/comments", "{}").statusCode()).isEqualTo(400);
        assertThat(http.get("/actuator/health").statusCode()).isEqualTo(200);
    }
}
