package io.commentflow.intake.submission;

import io.commentflow.events.CommentSubmitted;
import io.commentflow.events.SubmissionSource;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers", brokerProperties = "auto.create.topics.enable=false")
class CommentIntakeIntegrationTests {

    private static final String POST = "6f1c4a1e-8a8b-4b4e-9c57-0d6c1f0e2a11";
    private static final String POST_URL = "http://localhost:8080/posts/hello-world";

    private static SubmittedTopic topic;

    private final JsonMapper json = JsonMapper.builder().build();
    private Http http;

    @BeforeAll
    static void openTopic(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        topic = new SubmittedTopic(bootstrapServers);
    }

    @AfterAll
    static void closeTopic() {
        topic.close();
    }

    @LocalServerPort
    void port(int port) {
        http = new Http(port);
    }

    @Test
    void acceptsAValidJsonCommentOnlyAfterWritingItKeyedByPost() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        HttpResponse<String> response = http.postJson("/api/comments", """
                {"post": "%s", "parent": 0, "author_name": "Ada Lovelace", "author_email": "ada@example.org",
                 "author_url": "https://ada.example.org", "content": "The engine weaves patterns.",
                 "notify_followups": true}""".formatted(POST));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = json.readTree(response.body());
        UUID id = UUID.fromString(body.get("id").asString());
        String statusUrl = "http://localhost:8080/api/comments/" + id;
        assertThat(body.get("status").asString()).isEqualTo("submitted");
        assertThat(body.get("status_url").asString()).isEqualTo(statusUrl);
        assertThat(response.headers().firstValue("Location")).contains(statusUrl);

        List<ConsumerRecord<String, SpecificRecord>> records = topic.recordsOf(id);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo(POST);
        CommentSubmitted comment = (CommentSubmitted) records.get(0).value();
        assertThat(comment.getPostId()).isEqualTo(UUID.fromString(POST));
        assertThat(comment.getParentId()).isNull();
        assertThat(comment.getAuthor().getName()).isEqualTo("Ada Lovelace");
        assertThat(comment.getAuthor().getEmail()).isEqualTo("ada@example.org");
        assertThat(comment.getAuthor().getUrl()).isEqualTo("https://ada.example.org");
        assertThat(comment.getAuthor().getIp()).isEqualTo("127.0.0.1");
        assertThat(comment.getAuthor().getUserAgent()).isEqualTo("commentflow-test/1.0");
        assertThat(comment.getReferrer()).isEqualTo("http://localhost:8080/posts/hello");
        assertThat(comment.getContent()).isEqualTo("The engine weaves patterns.");
        assertThat(comment.getNotifyFollowups()).isTrue();
        assertThat(comment.getSource()).isEqualTo(SubmissionSource.JSON_API);
        assertThat(comment.getEventId()).isNotNull();
        assertThat(comment.getSubmittedAt()).isBetween(before, Instant.now()).isEqualTo(comment.getOccurredAt());
    }

    @Test
    void refusesMissingFieldsNamingEachAndWritesNothing() {
        long written = topic.endOffsets();

        HttpResponse<String> response = http.postJson("/api/comments", """
                {"author_url": "https://ada.example.org", "content": "   "}""");

        assertProblem(response, 400);
        assertThat(errorFields(response)).containsExactly("post", "author_name", "author_email", "content");
        assertThat(topic.endOffsets()).isEqualTo(written);
    }

    @Test
    void refusesABadEmailAddressNamingTheFieldAndWritesNothing() {
        long written = topic.endOffsets();

        HttpResponse<String> response = http.postJson("/api/comments", """
                {"post": "%s", "author_name": "Ada", "author_email": "ada-at-example.org", "content": "Hi"}"""
                .formatted(POST));

        assertProblem(response, 400);
        assertThat(errorFields(response)).containsExactly("author_email");
        assertThat(json.readTree(response.body()).get("errors").get(0).get("message").asString())
                .isEqualTo("must be a valid email address");
        assertThat(topic.endOffsets()).isEqualTo(written);
    }

    @Test
    void refusesMalformedJsonWithAProblemNotAServerError() {
        long written = topic.endOffsets();

        for (String body : new String[] {"{\"post\": \"" + POST + "\", \"content\": ", "[1, 2]", "", "null", "\"text\""}) {
            HttpResponse<String> response = http.postJson("/api/comments", body);
            assertProblem(response, 400);
        }
        assertThat(topic.endOffsets()).isEqualTo(written);
    }

    @Test
    void namesAFieldWhoseValueHasTheWrongType() {
        HttpResponse<String> response = http.postJson("/api/comments", """
                {"post": {"id": 1}, "author_name": "Ada", "author_email": "ada@example.org", "content": "Hi"}""");

        assertProblem(response, 400);
        assertThat(errorFields(response)).containsExactly("post");
    }

    @Test
    void redirectsAWordPressFormPostToThePostAtTheNewComment() {
        String parent = UUID.randomUUID().toString();

        HttpResponse<String> response = http.postForm("/wp-comments-post.php", Map.of(
                "comment_post_ID", POST, "comment_parent", parent, "author", "Grace Hopper",
                "email", "grace@example.org", "url", "", "comment", "Found a moth.",
                "subscribe_comments", "subscribe", "redirect_to", POST_URL + "#respond"));

        assertThat(response.statusCode()).isEqualTo(303);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(POST_URL + "#comment-");
        UUID id = UUID.fromString(location.substring((POST_URL + "#comment-").length()));

        List<ConsumerRecord<String, SpecificRecord>> records = topic.recordsOf(id);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo(POST);
        CommentSubmitted comment = (CommentSubmitted) records.get(0).value();
        assertThat(comment.getSource()).isEqualTo(SubmissionSource.FORM);
        assertThat(comment.getParentId()).isEqualTo(UUID.fromString(parent));
        assertThat(comment.getAuthor().getName()).isEqualTo("Grace Hopper");
        assertThat(comment.getAuthor().getUrl()).isNull();
        assertThat(comment.getContent()).isEqualTo("Found a moth.");
        assertThat(comment.getNotifyFollowups()).isTrue();
    }

    @Test
    void neverRedirectsAFormPostOutsidePostService() {
        HttpResponse<String> response = http.postForm("/comments", Map.of(
                "comment_post_ID", POST, "author", "Mallory", "email", "mallory@example.org",
                "comment", "Click here", "redirect_to", "http://localhost:8080.evil.example/phish"));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).contains("http://localhost:8080/");
    }

    @Test
    void showsAnHtmlPageNamingTheProblemWhenAFormPostIsIncomplete() {
        long written = topic.endOffsets();

        HttpResponse<String> response = http.postForm("/wp-comments-post.php", Map.of(
                "comment_post_ID", POST, "author", "", "email", "not-an-email", "comment", "Hi",
                "redirect_to", POST_URL));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body())
                .contains("Name (author) is required.")
                .contains("Email (email) must be a valid email address.")
                .contains("history.back()")
                .contains("href=\"" + POST_URL + "\"");
        assertThat(topic.endOffsets()).isEqualTo(written);
    }

    @Test
    void reportsHealthAndCountsCommentsForPrometheus() {
        http.postJson("/api/comments", "{}");

        assertThat(http.get("/actuator/health").body()).contains("\"status\":\"UP\"");
        assertThat(http.get("/actuator/prometheus").body())
                .contains("commentflow_comments_rejected_total{reason=\"invalid_post\",source=\"json_api\"}");
    }

    private void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
    }

    private List<String> errorFields(HttpResponse<String> response) {
        JsonNode errors = json.readTree(response.body()).get("errors");
        return errors.valueStream().map(e -> e.get("field").asString()).toList();
    }
}
