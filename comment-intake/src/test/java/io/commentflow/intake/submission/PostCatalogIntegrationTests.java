package io.commentflow.intake.submission;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intake decides from its own view of post-catalog, filled by the embedded broker here (post-service is not running):
 * open posts take comments, closed or unpublished ones are 403, unknown ones 404, and refused comments never reach
 * comment-submitted.
 */
class PostCatalogIntegrationTests extends IntakeIntegrationSupport {

    @Autowired
    MeterRegistry registry;

    @Test
    void acceptsACommentOnAnOpenPost() {
        UUID post = catalog.openPost();

        UUID id = acceptedId(http.postJson("/api/comments", comment(post, "Open for comments")));

        assertThat(submitted.recordsOf(id)).hasSize(1);
    }

    @Test
    void refusesACommentOnAPostWithClosedCommentsWith403NamingThePost() {
        UUID post = catalog.closedPost();
        long written = submitted.endOffsets();

        HttpResponse<String> response = http.postJson("/api/comments", comment(post, "Too late"));

        JsonNode problem = assertProblem(response, 403);
        assertThat(problem.get("type").asString()).isEqualTo("urn:commentflow:problem:comments-closed");
        assertThat(errorFields(response)).containsExactly("post");
        assertThat(submitted.endOffsets()).isEqualTo(written);
    }

    @Test
    void refusesACommentOnAnUnpublishedPostWith403() {
        UUID post = catalog.unpublishedPost();
        long written = submitted.endOffsets();

        HttpResponse<String> response = http.postJson("/api/comments", comment(post, "A draft?"));

        assertProblem(response, 403);
        assertThat(errorFields(response)).containsExactly("post");
        assertThat(submitted.endOffsets()).isEqualTo(written);
    }

    @Test
    void refusesACommentOnAPostNeverSeenWith404NamingThePost() {
        long written = submitted.endOffsets();

        HttpResponse<String> response = http.postJson("/api/comments", comment(UUID.randomUUID(), "Anyone there?"));

        JsonNode problem = assertProblem(response, 404);
        assertThat(problem.get("type").asString()).isEqualTo("urn:commentflow:problem:unknown-post");
        assertThat(errorFields(response)).containsExactly("post");
        assertThat(submitted.endOffsets()).isEqualTo(written);
    }

    @Test
    void answersTheFormWithHtmlPagesForClosedAndUnknownPosts() {
        long written = submitted.endOffsets();

        HttpResponse<String> closed = http.postForm("/wp-comments-post.php", form(catalog.closedPost(), "Hi"));
        HttpResponse<String> unknown = http.postForm("/wp-comments-post.php", form(UUID.randomUUID(), "Hi"));

        assertHtml(closed, 403);
        assertThat(closed.body()).contains("comments are closed").contains("Return to the post");
        assertHtml(unknown, 404);
        assertThat(unknown.body()).contains("no post with this id");
        assertThat(submitted.endOffsets()).isEqualTo(written);
    }

    @Test
    void followsThePostAsPostServiceChangesIt() {
        UUID post = catalog.openPost();
        acceptedId(http.postJson("/api/comments", comment(post, "first")));

        catalog.publish(post, true, false);
        assertProblem(http.postJson("/api/comments", comment(post, "second")), 403);

        catalog.publish(post, true, true);
        acceptedId(http.postJson("/api/comments", comment(post, "third")));

        catalog.delete(post);
        assertProblem(http.postJson("/api/comments", comment(post, "fourth")), 404);
    }

    @Test
    void skipsARecordItCannotReadAndKeepsFollowingTheTopic() {
        double before = registry.counter("commentflow.post_catalog.unreadable").count();

        catalog.sendRaw(UUID.randomUUID().toString(), "not avro".getBytes(StandardCharsets.UTF_8));
        UUID post = catalog.openPost();

        acceptedId(http.postJson("/api/comments", comment(post, "still here")));
        assertThat(registry.counter("commentflow.post_catalog.unreadable").count()).isEqualTo(before + 1);
    }

    @Test
    void countsEachRefusalByReason() {
        double closed = rejected("comments_closed");
        double unknown = rejected("unknown_post");

        http.postJson("/api/comments", comment(catalog.closedPost(), "x"));
        http.postJson("/api/comments", comment(UUID.randomUUID(), "x"));

        assertThat(rejected("comments_closed")).isEqualTo(closed + 1);
        assertThat(rejected("unknown_post")).isEqualTo(unknown + 1);
    }

    private double rejected(String reason) {
        return registry.counter("commentflow.comments.rejected", "source", "json_api", "reason", reason).count();
    }
}
