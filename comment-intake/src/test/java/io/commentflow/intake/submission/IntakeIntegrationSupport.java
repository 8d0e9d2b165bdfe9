package io.commentflow.intake.submission;

import io.commentflow.intake.catalog.PostCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** What every integration test class needs: the shared context, the two topics, an HTTP client and JSON helpers. */
@IntakeIntegrationTest
abstract class IntakeIntegrationSupport {

    private static final AtomicInteger PEOPLE = new AtomicInteger();

    static SubmittedTopic submitted;
    static CatalogTopic catalog;

    final JsonMapper json = JsonMapper.builder().build();
    Http http;

    @BeforeAll
    static void openTopics(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
                           @Autowired PostCatalog postCatalog) {
        catalog = new CatalogTopic(bootstrapServers, postCatalog);
        submitted = new SubmittedTopic(bootstrapServers);
    }

    @AfterAll
    static void closeTopics() {
        submitted.close();
        catalog.close();
    }

    @LocalServerPort
    void port(int port) {
        http = new Http(port);
    }

    /** An email address no other test uses, so flood and duplicate checks see a new person. */
    static String email(String who) {
        return who + "+" + PEOPLE.incrementAndGet() + "@example.org";
    }

    /** A valid JSON comment from a new person on {@code post}. */
    String comment(UUID post, String content) {
        return comment(post, email("ada"), content);
    }

    String comment(UUID post, String email, String content) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("post", post.toString());
        body.put("author_name", "Ada Lovelace");
        body.put("author_email", email);
        body.put("content", content);
        return json.writeValueAsString(body);
    }

    /** WordPress's comment form, filled in by a new person, for {@code post}. */
    static Map<String, String> form(UUID post, String content) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("comment_post_ID", post.toString());
        form.put("comment_parent", "0");
        form.put("author", "Grace Hopper");
        form.put("email", email("grace"));
        form.put("url", "");
        form.put("comment", content);
        form.put("redirect_to", CatalogTopic.link(post) + "#respond");
        return form;
    }

    static Map<String, String> with(Map<String, String> form, String field, String value) {
        Map<String, String> changed = new LinkedHashMap<>(form);
        changed.put(field, value);
        return changed;
    }

    UUID acceptedId(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return UUID.fromString(json.readTree(response.body()).get("id").asString());
    }

    /** The comment id in a form's 303 {@code Location}, after {@code #comment-}. */
    static UUID redirectedId(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        String location = response.headers().firstValue("Location").orElseThrow();
        return UUID.fromString(location.substring(location.indexOf("#comment-") + "#comment-".length()));
    }

    JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("type")).as(response.body()).isNotNull();
        assertThat(problem.get("type").asString()).startsWith("urn:commentflow:problem:");
        return problem;
    }

    List<String> errorFields(HttpResponse<String> response) {
        JsonNode errors = json.readTree(response.body()).get("errors");
        return errors.valueStream().map(e -> e.get("field").asString()).toList();
    }

    static void assertHtml(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
    }
}
