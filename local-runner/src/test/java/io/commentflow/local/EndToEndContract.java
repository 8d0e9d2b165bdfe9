package io.commentflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole pipeline as a reader and an author meet it, driven over HTTP: the four services from their jars, each
 * its own process, on a real broker, a real PostgreSQL and a real SMTP server. Subclasses choose where the broker
 * and the database come from.
 */
abstract class EndToEndContract {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static LocalSystem system;
    static LocalSettings settings;
    private static JsonNode post;

    /** The system on free ports, its intake behind a trusted local proxy so that each test is its own reader. */
    static LocalSystem system(Path data) {
        settings = LocalSettings.freePorts(LocalSettings.findProjectDir(Path.of("")), data);
        return new LocalSystem(settings)
                .withEnvironment("comment-intake", "COMMENTFLOW_INTAKE_TRUSTED_PROXIES", "127.0.0.1/32,::1/128");
    }

    static void findTheDemoPost() throws Exception {
        JsonNode posts = JSON.readTree(get(settings.postServiceUrl() + "/api/posts").body());
        assertThat(posts.isArray() && !posts.isEmpty()).as("the demo post exists: %s", posts).isTrue();
        post = posts.get(0);
    }

    @AfterAll
    static void stopIt() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aCommentIsPublishedUnderThePostAndTheAuthorGetsOneEmail() throws Exception {
        String name = "Sam Reader";
        String content = "Thanks for the write-up, it matches what we saw in our own team.";

        HttpResponse<String> accepted = submit(name, "reader@example.org", content);

        assertThat(accepted.statusCode()).isEqualTo(202);
        String commentId = JSON.readTree(accepted.body()).get("id").asText();
        assertThat(accepted.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/comments/" + commentId));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String page = get(post.get("link").asText()).body();
            assertThat(page).contains("id=\"comment-" + commentId + "\"").contains(name).contains(content);
        });
        String api = get(settings.postServiceUrl() + "/api/posts/" + post.get("id").asText() + "/comments").body();
        assertThat(api).contains(commentId).contains(content).doesNotContain("reader@example.org");

        await().atMost(Duration.ofSeconds(60)).until(() -> emailsMentioning(commentId).size() == 1);
        JsonNode email = emailsMentioning(commentId).get(0);
        assertThat(email.get("to").asText()).isNotBlank().doesNotContain("reader@example.org");
        assertThat(email.get("subject").asText()).contains(post.get("title").asText());
        assertThat(email.get("text").asText()).contains(name).contains("#comment-" + commentId);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> emailsMentioning(commentId).size() == 1);
    }

    @Test
    void aCommentTheRulesCallSpamAppearsNowhereAndSendsNothing() throws Exception {
        String name = "Pharmacy " + UUID.randomUUID().toString().substring(0, 8);
        String content = "Cheap viagra without prescription " + UUID.randomUUID();

        HttpResponse<String> accepted = submit(name, "bulk@example.net", content);

        assertThat(accepted.statusCode()).isEqualTo(202);
        String commentId = JSON.readTree(accepted.body()).get("id").asText();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> state = get(settings.postServiceUrl() + "/api/comments/" + commentId);
            assertThat(state.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(state.body()).get("status").asText()).isEqualTo("spam");
        });
        assertThat(get(post.get("link").asText()).body()).doesNotContain(content).doesNotContain(name);
        assertThat(get(settings.postServiceUrl() + "/api/posts/" + post.get("id").asText() + "/comments").body())
                .doesNotContain(commentId);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> emailsMentioning(commentId).isEmpty());
    }

    /** Submits as a reader of its own address; retries while intake is still reading the post catalogue. */
    private static HttpResponse<String> submit(String name, String email, String content) throws Exception {
        HttpResponse<String>[] last = new HttpResponse[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            last[0] = submitOnce(name, email, content);
            return last[0].statusCode() != 404 && last[0].statusCode() != 503;
        });
        return last[0];
    }

    private static HttpResponse<String> submitOnce(String name, String email, String content) throws Exception {
        String body = JSON.writeValueAsString(JSON.createObjectNode()
                .put("post", post.get("id").asText())
                .put("author_name", name)
                .put("author_email", email)
                .put("content", content)
                .put("notify_followups", false));
        return HTTP.send(HttpRequest.newBuilder(URI.create(settings.intakeUrl() + "/api/comments"))
                        .header("Content-Type", "application/json")
                        .header("X-Forwarded-For", "192.0.2." + (Math.abs(name.hashCode()) % 250 + 1))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Emails whose text links to the comment. */
    private static List<JsonNode> emailsMentioning(String commentId) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode message : JSON.readTree(get(settings.inboxUrl() + "/api/messages").body())) {
            if (message.path("text").asText().contains("#comment-" + commentId)) {
                found.add(message);
            }
        }
        return found;
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
