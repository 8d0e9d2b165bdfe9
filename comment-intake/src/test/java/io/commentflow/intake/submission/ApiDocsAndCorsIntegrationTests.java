package io.commentflow.intake.submission;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocsAndCorsIntegrationTests extends IntakeIntegrationSupport {

    @Test
    void servesAnOpenApiDocumentDescribingTheApiAndItsProblems() {
        HttpResponse<String> response = http.get("/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode doc = json.readTree(response.body());
        assertThat(doc.get("openapi").asString()).startsWith("3.");
        JsonNode post = doc.get("paths").get("/api/comments").get("post");
        assertThat(post.get("responses").propertyNames())
                .contains("202", "400", "403", "404", "409", "413", "415", "422", "429", "503");
        assertThat(post.get("responses").get("404").get("content").has("application/problem+json")).isTrue();
        assertThat(post.get("requestBody").get("content").has("application/json")).isTrue();
        assertThat(response.body()).contains("Idempotency-Key");
        assertThat(doc.get("paths").has("/wp-comments-post.php")).isTrue();
        assertThat(http.get("/v3/api-docs.yaml").statusCode()).isEqualTo(200);
    }

    @Test
    void letsConfiguredOriginsCallTheApiFromABrowser() {
        for (String origin : new String[] {"http://localhost:8080", "https://blog.example.org"}) {
            HttpResponse<String> preflight = http.with("Origin", origin)
                    .with("Access-Control-Request-Method", "POST")
                    .with("Access-Control-Request-Headers", "content-type, idempotency-key")
                    .options("/api/comments");

            assertThat(preflight.statusCode()).as(origin).isEqualTo(200);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(origin);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                    .contains("idempotency-key");
        }
    }

    @Test
    void refusesOtherOrigins() {
        HttpResponse<String> preflight = http.with("Origin", "https://evil.example")
                .with("Access-Control-Request-Method", "POST")
                .options("/api/comments");
        HttpResponse<String> post = http.with("Origin", "https://evil.example")
                .postJson("/api/comments", "{}");

        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(post.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
