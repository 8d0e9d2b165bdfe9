package io.commentflow.intake.submission;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Retries that must not become second comments, and refusals that must not count as comments. */
class RepeatsIntegrationTests extends IntakeIntegrationSupport {

    static UUID post;

    @BeforeAll
    static void openPost() {
        post = catalog.openPost();
    }

    @Test
    void aRepeatedIdempotencyKeyAnswersWithTheSameCommentAndWritesNothing() {
        String body = comment(post, "Written once");
        Http keyed = http.with("Idempotency-Key", UUID.randomUUID().toString());
        HttpResponse<String> first = keyed.postJson("/api/comments", body);
        UUID id = acceptedId(first);
        long written = submitted.endOffsets();

        // a retry, as a client would send it after a lost answer: from another address, moments later
        HttpResponse<String> again = keyed.from(Http.freshAddress()).postJson("/api/comments", body);

        assertThat(acceptedId(again)).isEqualTo(id);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(submitted.endOffsets()).isEqualTo(written);
        assertThat(submitted.recordsOf(id)).hasSize(1);
    }

    @Test
    void aResubmittedFormWithTheSameNonceGoesBackToTheSameComment() {
        Map<String, String> form = with(form(post, "Sent twice by an impatient reader"), "comment_nonce",
                UUID.randomUUID().toString());
        HttpResponse<String> first = http.postForm("/wp-comments-post.php", form);
        UUID id = redirectedId(first);
        long written = submitted.endOffsets();

        HttpResponse<String> again = http.postForm("/wp-comments-post.php", form);

        assertThat(redirectedId(again)).isEqualTo(id);
        assertThat(submitted.endOffsets()).isEqualTo(written);
        assertThat(submitted.recordsOf(id)).hasSize(1);
    }

    @Test
    void aFormNonceUsedForAnotherCommentIsRefusedWith422() {
        String nonce = UUID.randomUUID().toString();
        redirectedId(http.postForm("/wp-comments-post.php", with(form(post, "one"), "comment_nonce", nonce)));
        long written = submitted.endOffsets();

        HttpResponse<String> other = http.postForm("/wp-comments-post.php",
                with(form(post, "another"), "comment_nonce", nonce));

        assertHtml(other, 422);
        assertThat(other.body()).contains("already used to send a different comment");
        assertThat(submitted.endOffsets()).isEqualTo(written);
    }

    @Test
    void idempotencyKeysOfTheApiAndNoncesOfTheFormDoNotMix() {
        String key = UUID.randomUUID().toString();
        acceptedId(http.with("Idempotency-Key", key).postJson("/api/comments", comment(post, "by API")));

        redirectedId(http.postForm("/wp-comments-post.php", with(form(post, "by form"), "comment_nonce", key)));
    }

    @Test
    void aRefusedCommentDoesNotCountTowardsTheFloodInterval() {
        Http me = http.from(Http.freshAddress());
        String email = email("ada");

        assertThat(me.postJson("/api/comments", comment(catalog.closedPost(), email, "closed")).statusCode()).isEqualTo(403);
        assertThat(me.postJson("/api/comments", comment(post, email, "<script>x()</script>")).statusCode()).isEqualTo(400);

        acceptedId(me.postJson("/api/comments", comment(post, email, "Now a real one")));
    }

    @Test
    void aDuplicateRefusalDoesNotCountTowardsTheFloodIntervalEither() {
        String email = email("ada");
        acceptedId(http.postJson("/api/comments", comment(post, email, "Same words")));
        Http me = http.from(Http.freshAddress());

        assertThat(me.postJson("/api/comments", comment(post, email, "Same words")).statusCode()).isEqualTo(409);
        acceptedId(me.postJson("/api/comments", comment(post, email("bob"), "Different words")));
    }

    @Test
    void theSameWordsFromSomeoneElseAreNoDuplicate() {
        acceptedId(http.postJson("/api/comments", comment(post, "+1")));
        acceptedId(http.postJson("/api/comments", comment(post, "+1")));
    }
}
