package io.commentflow.intake.submission;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table of bad inputs, against the real (embedded) broker: each gets its status, names its field, is
 * counted under its reason, and leaves comment-submitted untouched. Cases that need an earlier comment (flood,
 * duplicate, reused idempotency key) make it first, then measure.
 */
class BadInputIntegrationTests extends IntakeIntegrationSupport {

    private static final int TWO_MIB = 2 * 1024 * 1024;

    static UUID open;
    static UUID closed;
    static UUID unpublished;

    @Autowired
    MeterRegistry registry;

    /**
     * @param prepare  makes whatever earlier comment the case needs, and returns the request under test
     * @param field    the field the answer must name, or null
     * @param reason   the {@code reason} tag counted
     * @param html     answered as an HTML page (the form) rather than a problem
     */
    record Case(String name, Function<BadInputIntegrationTests, Supplier<HttpResponse<String>>> prepare, int status,
                String field, String reason, boolean html) {

        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void posts() {
        open = catalog.openPost();
        closed = catalog.closedPost();
        unpublished = catalog.unpublishedPost();
    }

    static Stream<Case> badInputs() {
        return Stream.of(
                json("malformed JSON", t -> t.http.postJson("/api/comments", "{\"post\": \"" + open + "\", \"content\": "),
                        400, null, "malformed_request"),
                json("wrong content type", t -> t.http.post("/api/comments", "text/plain",
                        t.comment(open, "plain").getBytes(StandardCharsets.UTF_8)), 415, null, "unsupported_media_type"),
                json("2 MiB JSON body", t -> t.http.postJson("/api/comments", t.comment(open, "x".repeat(TWO_MIB))),
                        413, "body", "body_too_large"),
                json("2 MiB JSON body, chunked", t -> t.http.postChunked("/api/comments", "application/json",
                        t.comment(open, "x".repeat(TWO_MIB)).getBytes(StandardCharsets.UTF_8)), 413, "body", "body_too_large"),
                form("2 MiB form body", t -> t.http.postForm("/wp-comments-post.php", form(open, "x".repeat(TWO_MIB))),
                        413, "body_too_large"),
                json("invalid UTF-8 in JSON", t -> t.http.postJson("/api/comments",
                        withBadUtf8("{\"post\": \"" + open + "\", \"author_name\": \"Ada\", \"author_email\": \""
                                + email("ada") + "\", \"content\": \"caf", "\"}")), 400, "content", "invalid_content"),
                form("invalid UTF-8 in the form", t -> t.http.postFormBytes("/wp-comments-post.php",
                        withBadUtf8(Http.formBody(form(open, "ignored")) + "&comment=caf", "")), 400, "invalid_comment"),
                json("CRLF in the name", t -> t.http.postJson("/api/comments", """
                        {"post": "%s", "author_name": "Ada\\r\\nBcc: victim@example.org", "author_email": "%s",
                         "content": "Hi"}""".formatted(open, email("ada"))), 400, "author_name", "invalid_author_name"),
                json("<script> as the whole content", t -> t.http.postJson("/api/comments",
                        t.comment(open, "<script>alert(document.cookie)</script>")), 400, "content", "invalid_content"),
                json("javascript: URL", t -> t.http.postJson("/api/comments", """
                        {"post": "%s", "author_name": "Ada", "author_email": "%s", "author_url": "javascript:alert(1)",
                         "content": "Hi"}""".formatted(open, email("ada"))), 400, "author_url", "invalid_author_url"),
                json("unknown post", t -> t.http.postJson("/api/comments", t.comment(UUID.randomUUID(), "Hi")),
                        404, "post", "unknown_post"),
                json("closed post", t -> t.http.postJson("/api/comments", t.comment(closed, "Hi")),
                        403, "post", "comments_closed"),
                json("unpublished post", t -> t.http.postJson("/api/comments", t.comment(unpublished, "Hi")),
                        403, "post", "post_unpublished"),
                form("closed post, by form", t -> t.http.postForm("/wp-comments-post.php", form(closed, "Hi")),
                        403, "comments_closed"),
                new Case("flood from one address", t -> {
                    Http me = t.http.from(Http.freshAddress());
                    t.acceptedId(me.postJson("/api/comments", t.comment(open, "first")));
                    return () -> me.postJson("/api/comments", t.comment(open, "second, by another email"));
                }, 429, null, "flood", false),
                new Case("flood from one email", t -> {
                    String email = email("ada");
                    t.acceptedId(t.http.postJson("/api/comments", t.comment(open, email, "first")));
                    return () -> t.http.postJson("/api/comments", t.comment(open, email, "second, from elsewhere"));
                }, 429, null, "flood", false),
                new Case("flood, by form", t -> {
                    Http me = t.http.from(Http.freshAddress());
                    redirectedId(me.postForm("/wp-comments-post.php", form(open, "first")));
                    return () -> me.postForm("/wp-comments-post.php", form(open, "second"));
                }, 429, null, "flood", true),
                new Case("duplicate", t -> {
                    String email = email("ada");
                    t.acceptedId(t.http.postJson("/api/comments", t.comment(open, email, "Same words")));
                    return () -> t.http.postJson("/api/comments", t.comment(open, email, "Same words"));
                }, 409, "content", "duplicate", false),
                new Case("repeated idempotency key with another comment", t -> {
                    Http keyed = t.http.with("Idempotency-Key", UUID.randomUUID().toString());
                    t.acceptedId(keyed.postJson("/api/comments", t.comment(open, "first")));
                    return () -> keyed.postJson("/api/comments", t.comment(open, "something else"));
                }, 422, "Idempotency-Key", "idempotency_key_reused", false),
                json("idempotency key that is no token", t -> t.http.with("Idempotency-Key", "two words")
                        .postJson("/api/comments", t.comment(open, "Hi")), 400, "Idempotency-Key", "invalid_idempotency_key"),
                json("empty body", t -> t.http.postJson("/api/comments", ""), 400, null, "malformed_request"),
                form("2 MiB form body, chunked", t -> t.http.postChunked("/wp-comments-post.php",
                        "application/x-www-form-urlencoded",
                        Http.formBody(form(open, "x".repeat(TWO_MIB))).getBytes(StandardCharsets.US_ASCII)),
                        413, "body_too_large"),
                json("JSON nested too deep", t -> t.http.postJson("/api/comments",
                        "{\"post\": " + "[".repeat(5000) + "]".repeat(5000) + "}"), 400, "post", "invalid_post"),
                json("GET instead of POST", t -> t.http.get("/api/comments"), 405, null, "method_not_allowed"),
                json("a browser asking for HTML from the API", t -> t.http.with("Accept", "text/html")
                        .postJson("/api/comments", "{}"), 400, "post", "invalid_post"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void refusesBadInputWithItsStatusAndWritesNothing(Case input) {
        Supplier<HttpResponse<String>> request = input.prepare().apply(this);
        String source = input.html() ? "form" : "json_api";
        double counted = rejected(source, input.reason());
        long written = submitted.endOffsets();

        HttpResponse<String> response = request.get();

        if (input.html()) {
            assertHtml(response, input.status());
            assertThat(response.body()).contains("Error:");
        } else {
            JsonNode problem = assertProblem(response, input.status());
            if (input.field() != null) {
                assertThat(errorFields(response)).as(problem.toString()).contains(input.field());
            }
        }
        if (input.status() == 429) {
            assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                    assertThat(Integer.parseInt(seconds)).isBetween(1, 15));
        }
        assertThat(submitted.endOffsets()).as("nothing written to comment-submitted").isEqualTo(written);
        assertThat(rejected(source, input.reason())).as("counted as %s", input.reason()).isEqualTo(counted + 1);
    }

    private double rejected(String source, String reason) {
        Counter counter = registry.find("commentflow.comments.rejected").tag("source", source).tag("reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static Case json(String name, Function<BadInputIntegrationTests, HttpResponse<String>> request, int status,
                             String field, String reason) {
        return new Case(name, t -> () -> request.apply(t), status, field, reason, false);
    }

    private static Case form(String name, Function<BadInputIntegrationTests, HttpResponse<String>> request, int status,
                             String reason) {
        return new Case(name, t -> () -> request.apply(t), status, null, reason, true);
    }

    /** {@code before}, then the bytes C3 28 (a broken two-byte UTF-8 sequence), then {@code after}. */
    private static byte[] withBadUtf8(String before, String after) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        if (before.endsWith("caf") && after.isEmpty()) {
            bytes.writeBytes("%C3%28".getBytes(StandardCharsets.US_ASCII));   // the form sends it percent-encoded
        } else {
            bytes.write(0xC3);
            bytes.write(0x28);
        }
        bytes.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }
}
