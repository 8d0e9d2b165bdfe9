package io.commentflow.intake.submission;

import io.commentflow.events.CommentSubmitted;
import io.commentflow.events.SubmissionSource;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CommentIntakeIntegrationTests extends IntakeIntegrationSupport {

    private UUID post;
    private String postUrl;

    @BeforeEach
    void openPost() {
        post = catalog.openPost();
        postUrl = CatalogTopic.link(post);
    }

    @Test
    void acceptsAValidJsonCommentOnlyAfterWritingItKeyedByPost() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String client = Http.freshAddress();

        HttpResponse<String> response = http.from(client).postJson("/api/comments", """
                {"post": "%s", "parent": 0, "author_name": "Ada Lovelace", "author_email": "%s",
                 "author_url": "https://ada.example.org", "content": "The engine weaves patterns.",
                 "notify_followups": true}""".formatted(post, email("ada")));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = json.readTree(response.body());
        UUID id = UUID.fromString(body.get("id").asString());
        String statusUrl = "http://localhost:8080/api/comments/" + id;
        assertThat(body.get("status").asString()).isEqualTo("submitted");
        assertThat(body.get("status_url").asString()).isEqualTo(statusUrl);
        assertThat(response.headers().firstValue("Location")).contains(statusUrl);

        List<ConsumerRecord<String, SpecificRecord>> records = submitted.recordsOf(id);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo(post.toString());
        CommentSubmitted comment = (CommentSubmitted) records.get(0).value();
        assertThat(comment.getPostId()).isEqualTo(post);
        assertThat(comment.getParentId()).isNull();
        assertThat(comment.getAuthor().getName()).isEqualTo("Ada Lovelace");
        assertThat(comment.getAuthor().getEmail()).startsWith("ada+").endsWith("@example.org");
        assertThat(comment.getAuthor().getUrl()).isEqualTo("https://ada.example.org");
        assertThat(comment.getAuthor().getIp()).isEqualTo(java.net.InetAddress.getByName(client).getHostAddress());
        assertThat(comment.getAuthor().getUserAgent()).isEqualTo("commentflow-test/1.0");
        assertThat(comment.getReferrer()).isEqualTo("http://localhost:8080/posts/hello");
        assertThat(comment.getContent()).isEqualTo("The engine weaves patterns.");
        assertThat(comment.getNotifyFollowups()).isTrue();
        assertThat(comment.getSource()).isEqualTo(SubmissionSource.JSON_API);
        assertThat(comment.getHoneypot()).isNull();
        assertThat(comment.getFormFillMillis()).isNull();
        assertThat(comment.getEventId()).isNotNull();
        assertThat(comment.getSubmittedAt()).isBetween(before, Instant.now()).isEqualTo(comment.getOccurredAt());
    }

    @Test
    void refusesMissingFieldsNamingEachAndWritesNothing() {
        long written = submitted.endOffsets();

        HttpResponse<String> response = http.postJson("/api/comments", """
                {"author_url": "https://ada.example.org", "content": "   "}""");

        assertProblem(response, 400);
        assertThat(errorFields(response)).containsExactly("post", "author_name", "author_email", "content");
        assertThat(submitted.endOffsets()).isEqualTo(written);
    }

    @Test
    void refusesABadEmailAddressNamingTheFieldAndWritesNothing() {
        long written = submitted.endOffsets();

        HttpResponse<String> response = http.postJson("/api/comments", """
                {"post": "%s", "author_name": "Ada", "author_email": "ada-at-example.org", "content": "Hi"}"""
                .formatted(post));

        assertProblem(response, 400);
        assertThat(errorFields(response)).containsExactly("author_email");
        assertThat(json.readTree(response.body()).get("errors").get(0).get("message").asString())
                .isEqualTo("must be a valid email address");
        assertThat(submitted.endOffsets()).isEqualTo(written);
    }

    @Test
    void refusesMalformedJsonWithAProblemNotAServerError() {
        long written = submitted.endOffsets();

        for (String body : new String[] {"{\"post\": \"" + post + "\", \"content\": ", "[1, 2]", "", "null", "\"text\""}) {
            HttpResponse<String> response = http.postJson("/api/comments", body);
            assertProblem(response, 400);
        }
        assertThat(submitted.endOffsets()).isEqualTo(written);
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
                "comment_post_ID", post.toString(), "comment_parent", parent, "author", "Grace Hopper",
                "email", email("grace"), "url", "", "comment", "Found a moth.",
                "subscribe_comments", "subscribe", "redirect_to", postUrl + "#respond"));

        assertThat(response.statusCode()).isEqualTo(303);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(postUrl + "?unapproved=");
        UUID id = redirectedId(response);

        List<ConsumerRecord<String, SpecificRecord>> records = submitted.recordsOf(id);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo(post.toString());
        CommentSubmitted comment = (CommentSubmitted) records.get(0).value();
        assertThat(comment.getSource()).isEqualTo(SubmissionSource.FORM);
        assertThat(comment.getParentId()).isEqualTo(UUID.fromString(parent));
        assertThat(comment.getAuthor().getName()).isEqualTo("Grace Hopper");
        assertThat(comment.getAuthor().getUrl()).isNull();
        assertThat(comment.getContent()).isEqualTo("Found a moth.");
        assertThat(comment.getNotifyFollowups()).isTrue();
    }

    @Test
    void neverRedirectsAFormPostOutsidePostServiceButToThePostItself() {
        HttpResponse<String> response = http.postForm("/comments", Map.of(
                "comment_post_ID", post.toString(), "author", "Mallory", "email", email("mallory"),
                "comment", "Click here", "redirect_to", "http://localhost:8080.evil.example/phish"));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).startsWith(postUrl + "?unapproved="));
    }

    @Test
    void showsAnHtmlPageNamingTheProblemWhenAFormPostIsIncomplete() {
        long written = submitted.endOffsets();

        HttpResponse<String> response = http.postForm("/wp-comments-post.php", Map.of(
                "comment_post_ID", post.toString(), "author", "", "email", "not-an-email", "comment", "Hi",
                "redirect_to", postUrl));

        assertHtml(response, 400);
        assertThat(response.body())
                .contains("Name (author) is required.")
                .contains("Email (email) must be a valid email address.")
                .contains("history.back()")
                .contains("href=\"" + postUrl + "\"");
        assertThat(submitted.endOffsets()).isEqualTo(written);
    }

    @Test
    void reportsHealthAndCountsCommentsForPrometheus() {
        http.postJson("/api/comments", "{}");

        assertThat(http.get("/actuator/health").body()).contains("\"status\":\"UP\"");
        assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/prometheus").body())
                .contains("commentflow_comments_rejected_total{reason=\"invalid_post\",source=\"json_api\"}")
                .contains("commentflow_comments_accepted_total")
                .contains("commentflow_post_catalog_posts");
    }
}
