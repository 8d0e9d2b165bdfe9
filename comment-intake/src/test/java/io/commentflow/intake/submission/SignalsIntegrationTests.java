package io.commentflow.intake.submission;

import io.commentflow.events.CommentSubmitted;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What reaches spam-filter besides the comment, what the reader's browser is sent back, and what a browser sends. */
class SignalsIntegrationTests extends IntakeIntegrationSupport {

    static UUID post;

    @BeforeAll
    static void openPost() {
        post = catalog.openPost();
    }

    @Test
    void passesAFilledHoneypotAndTheFormFillTimeOnAsSignalsNotRefusals() {
        long renderedAt = Instant.now().minusSeconds(8).toEpochMilli();
        Map<String, String> form = with(with(form(post, "Great post!"), "comment_website_confirm", "http://spam.example"),
                "form_started_at", String.valueOf(renderedAt));

        UUID id = redirectedId(http.postForm("/wp-comments-post.php", form));

        CommentSubmitted comment = event(id);
        assertThat(comment.getHoneypot()).isEqualTo("http://spam.example");
        assertThat(comment.getFormFillMillis()).isBetween(8_000L, 60_000L);
        assertThat(comment.getAuthor().getUserAgent()).isEqualTo("Mozilla/5.0 (commentflow-test)");
        assertThat(comment.getReferrer()).isEqualTo("http://localhost:8080/posts/hello");
    }

    @Test
    void anEmptyHoneypotAndANonsenseTimestampAreNoSignals() {
        Map<String, String> form = with(with(form(post, "Hello"), "comment_website_confirm", ""),
                "form_started_at", "yesterday");

        CommentSubmitted comment = event(redirectedId(http.postForm("/wp-comments-post.php", form)));

        assertThat(comment.getHoneypot()).isNull();
        assertThat(comment.getFormFillMillis()).isNull();
    }

    @Test
    void takesTheSameSignalsFromTheJsonApi() {
        String body = """
                {"post": "%s", "author_name": "Ada", "author_email": "%s", "content": "Hi",
                 "honeypot": "x", "form_started_at": %d}""".formatted(post, email("ada"),
                Instant.now().minusSeconds(3).toEpochMilli());

        CommentSubmitted comment = event(acceptedId(http.postJson("/api/comments", body)));

        assertThat(comment.getHoneypot()).isEqualTo("x");
        assertThat(comment.getFormFillMillis()).isBetween(3_000L, 60_000L);
    }

    @Test
    void takesTheClientAddressFromTheTrustedProxyOrElseTheSocket() {
        CommentSubmitted viaProxy = event(acceptedId(http.with("X-Forwarded-For", "203.0.113.50, 127.0.0.1")
                .postJson("/api/comments", comment(post, "via proxy"))));
        CommentSubmitted viaForwarded = event(acceptedId(http.with("Forwarded", "for=\"[2001:db8::beef]:443\"")
                .postJson("/api/comments", comment(post, "via Forwarded"))));
        CommentSubmitted direct = event(acceptedId(http.from(Http.SOCKET)
                .postJson("/api/comments", comment(post, "direct"))));

        assertThat(viaProxy.getAuthor().getIp()).isEqualTo("203.0.113.50");
        assertThat(viaForwarded.getAuthor().getIp()).isEqualTo("2001:db8:0:0:0:0:0:beef");
        assertThat(direct.getAuthor().getIp()).isEqualTo("127.0.0.1");
    }

    @Test
    void storesTheContentSanitisedToTheCommenterAllowlist() {
        String content = "Nice <b>post</b><script>steal()</script> <a href=\"https://ada.example.org\" "
                + "onclick=\"x()\">mine</a> <img src=x onerror=alert(1)> caf\u0065\u0301";

        CommentSubmitted comment = event(acceptedId(http.postJson("/api/comments", comment(post, content))));

        assertThat(comment.getContent()).isEqualTo(
                "Nice <b>post</b> <a href=\"https://ada.example.org\" rel=\"nofollow ugc\">mine</a>  café");
    }

    @Test
    void redirectsWithAPendingTokenPostServiceCanVerify() throws Exception {
        HttpResponse<String> response = http.postForm("/wp-comments-post.php", form(post, "Awaiting moderation"));
        UUID id = redirectedId(response);

        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(location.getRawFragment()).isEqualTo("comment-" + id);
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : location.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        assertThat(query.get("unapproved")).isEqualTo(id.toString());
        String[] hash = query.get("moderation-hash").split("\\.");
        long expires = Long.parseLong(hash[0]);
        assertThat(expires - Instant.now().getEpochSecond()).isBetween(590L, 600L);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(IntakeIntegrationTest.PENDING_TOKEN_SECRET.getBytes(StandardCharsets.UTF_8),
                "HmacSHA256"));
        assertThat(hash[1]).isEqualTo(HexFormat.of().formatHex(
                mac.doFinal(("pending:" + id + ":" + expires).getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void acceptsAWordPressFormPostedTheWayABrowserPostsIt() {
        // what a browser sends for a WordPress theme's comment form (UTF-8, spaces as +, the submit button included)
        String email = email("grace");
        String body = "author=Gr%C3%A2ce+H%C3%B6pper&email=" + email.replace("+", "%2B") + "&url=grace.example.org"
                + "&comment=Found+a+%F0%9F%A6%8B+in+relay+%2370%0D%0A%0D%0A%26+taped+it+in+the+log."
                + "&wp-comment-cookies-consent=yes&subscribe_comments=subscribe&submit=Post+Comment"
                + "&comment_post_ID=" + post + "&comment_parent=0&redirect_to="
                + URLEncoderHolder.encode(CatalogTopic.link(post));

        UUID id = redirectedId(http.postFormBody("/wp-comments-post.php", body));

        CommentSubmitted comment = event(id);
        assertThat(comment.getAuthor().getName()).isEqualTo("Grâce Höpper");
        assertThat(comment.getAuthor().getEmail()).isEqualTo(email);
        assertThat(comment.getAuthor().getUrl()).isEqualTo("http://grace.example.org");
        assertThat(comment.getContent()).isEqualTo("Found a \uD83E\uDD8B in relay #70\n\n&amp; taped it in the log.");
        assertThat(comment.getNotifyFollowups()).isTrue();
        assertThat(comment.getPostId()).isEqualTo(post);
    }

    private CommentSubmitted event(UUID id) {
        return (CommentSubmitted) submitted.recordsOf(id).get(0).value();
    }

    private static final class URLEncoderHolder {
        static String encode(String text) {
            return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
        }
    }
}
