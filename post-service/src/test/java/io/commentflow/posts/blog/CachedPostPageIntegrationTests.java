package io.commentflow.posts.blog;

import io.commentflow.events.Verdict;
import io.commentflow.posts.comment.PendingCommentTokens;
import io.commentflow.posts.moderation.ModerationLinks;
import io.commentflow.posts.post.Post;
import io.commentflow.posts.post.PostCatalog;
import io.commentflow.posts.post.PostEdit;
import io.commentflow.posts.support.Browser;
import io.commentflow.posts.support.Comments;
import io.commentflow.posts.support.Http;
import io.commentflow.posts.support.PostServiceIntegrationTest;
import io.commentflow.posts.support.ScoredComments;
import io.commentflow.posts.support.TestPosts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import static io.commentflow.posts.support.PostServiceIntegrationTest.BLOG_URL;
import static io.commentflow.posts.support.PostServiceIntegrationTest.MODERATION_LINKS_SECRET;
import static io.commentflow.posts.support.PostServiceIntegrationTest.PENDING_TOKEN_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Post pages are cached (for the whole test run: see {@link PostServiceIntegrationTest}), so what a reader sees after
 * a change is there only because the change reached the cache. Every page is loaded before each change, so the change
 * has a cached page to replace, and once right after it.
 */
@PostServiceIntegrationTest
class CachedPostPageIntegrationTests {

    private final PendingCommentTokens tokens = new PendingCommentTokens(PENDING_TOKEN_SECRET, Clock.systemUTC());
    private final ModerationLinks links = new ModerationLinks(MODERATION_LINKS_SECRET, BLOG_URL, Duration.ofDays(7),
            Clock.systemUTC());

    @Autowired
    Environment environment;
    @Autowired
    Http http;
    @Autowired
    PostCatalog catalog;
    @Autowired
    KafkaTemplate<String, Object> kafka;

    private Comments comments;
    private Post post;

    @BeforeEach
    void setUp() {
        comments = new Comments(kafka, http);
        post = TestPosts.create(catalog, "Cached thoughts");
    }

    @Test
    void aCommentPublishedFromTheScoredTopicIsOnTheNextPageView() {
        // given: the page and the public API have been served, and so cached
        UUID first = comments.publishAndAwait(ScoredComments.on(post.id()).by("Ann First", "ann@reader.example")
                .content("The first word").build(), "approved");
        assertThat(page()).contains("The first word").contains("One thought on");
        assertThat(api().getBody()).contains(first.toString());

        // when: spam-filter passes another comment, a reply
        UUID reply = comments.publishAndAwait(ScoredComments.on(post.id()).replyTo(first).by("Bo Reply", "bo@reader.example")
                .content("A reply to the first word").build(), "approved");

        // then: the very next page view shows it in its thread, and the API lists it
        Document page = Jsoup.parse(page());
        assertThat(page.select(".comments-title").text()).isEqualTo("2 thoughts on “" + post.title() + "”");
        Element shown = page.selectFirst("li#comment-" + reply);
        assertThat(shown).isNotNull();
        assertThat(shown.parent().parent().id()).as("nested under its parent").isEqualTo("comment-" + first);
        ResponseEntity<String> api = api();
        assertThat(api.getBody()).contains(reply.toString());
        assertThat(api.getHeaders().getFirst("X-WP-Total")).isEqualTo("2");
    }

    @Test
    void aCachedPageCreatesNoSessionAndKeepsTheFormsValuesFresh() {
        page();

        ResponseEntity<String> first = http.getForEntity("/posts/" + post.slug(), String.class);
        ResponseEntity<String> second = http.getForEntity("/posts/" + post.slug(), String.class);

        for (ResponseEntity<String> response : List.of(first, second)) {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(response.getHeaders().get("Set-Cookie")).as("no session, no cookie").isNull();
            assertThat(response.getHeaders().getContentType()).hasToString("text/html;charset=UTF-8");
            assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        }
        assertThat(nonce(first)).isNotEqualTo(nonce(second));
        assertThat(first.getBody().replace(nonce(first), "").replaceAll("name=\"form_started_at\" value=\"[0-9]+\"", ""))
                .as("the rest of the page is the same")
                .isEqualTo(second.getBody().replace(nonce(second), "").replaceAll("name=\"form_started_at\" value=\"[0-9]+\"", ""));
    }

    @Test
    void aBrowserAcceptingGzipGetsTheCachedPageCompressed() throws Exception {
        comments.publishAndAwait(ScoredComments.on(post.id()).by("Zoë Unicode", "zoe@reader.example")
                .content("Gzipped “thoughts”").build(), "approved");
        String plain = page();

        HttpResponse<byte[]> gzipped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + environment.getProperty("local.server.port") + "/posts/" + post.slug()))
                .header("Accept-Encoding", "gzip, deflate, br, zstd").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        String html;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(html).contains("Zoë Unicode").contains("Gzipped “thoughts”");
        assertThat(withoutFormValues(html)).isEqualTo(withoutFormValues(plain));
    }

    @Test
    void thePlainPageIsTheControllersPageAndCountsUnderItsPattern() {
        comments.publishAndAwait(ScoredComments.on(post.id()).by("Ann First", "ann@reader.example")
                .content("Served twice").build(), "approved");
        double before = pageViewsCounted();

        // the plain page is served ahead of Spring MVC, the same page with a query by the controller
        ResponseEntity<String> plain = http.getForEntity("/posts/" + post.slug(), String.class);
        ResponseEntity<String> controllers = http.getForEntity("/posts/" + post.slug() + "?cpage=1", String.class);

        assertThat(withoutFormValues(plain.getBody())).contains("Served twice")
                .isEqualTo(withoutFormValues(controllers.getBody()));
        // the plain page skips Spring Security's filters, so it must write the same headers they do
        assertThat(plain.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(plain.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headersOfTheResponse(plain)).isEqualTo(headersOfTheResponse(controllers));
        assertThat(pageViewsCounted()).as("both in http_server_requests{uri=\"/posts/{slug}\"}").isEqualTo(before + 2);
    }

    private double pageViewsCounted() {
        Matcher count = Pattern.compile("http_server_requests_seconds_count\\{[^}]*status=\"200\",uri=\"/posts/\\{slug}\"} ([0-9.E]+)")
                .matcher(http.getForObject("/actuator/prometheus", String.class));
        return count.find() ? Double.parseDouble(count.group(1)) : 0;
    }

    /** Every header but those that say how this one response went over the wire. */
    private static Map<String, List<String>> headersOfTheResponse(ResponseEntity<String> response) {
        Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.getHeaders().forEach(headers::put);
        List.of("Date", "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive").forEach(headers::remove);
        return headers;
    }

    private static String withoutFormValues(String html) {
        return html.replaceAll("name=\"form_started_at\" value=\"[0-9]+\"", "")
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "uuid");
    }

    @Test
    void eachModerationOfOneCommentIsOnTheNextPageView() {
        Browser moderator = new Browser(environment);
        moderator.logInAsAdmin();
        UUID id = comments.publishAndAwait(ScoredComments.on(post.id()).verdict(Verdict.UNSURE)
                .content("Held, then let through").build(), "pending");
        assertThat(page()).doesNotContain("Held, then let through");

        moderate(moderator, "pending", id, "approve");
        assertThat(page()).contains("Held, then let through").contains("One thought on");

        moderate(moderator, "approved", id, "spam");
        assertThat(page()).doesNotContain("Held, then let through").contains("No thoughts yet");

        moderate(moderator, "spam", id, "not-spam");
        assertThat(page()).contains("Held, then let through");

        moderate(moderator, "approved", id, "trash");
        assertThat(page()).doesNotContain("Held, then let through");
        assertThat(api().getBody()).doesNotContain(id.toString());

        moderate(moderator, "trash", id, "restore");
        assertThat(page()).contains("Held, then let through");
        assertThat(api().getBody()).contains(id.toString());
    }

    @Test
    void bulkModerationIsOnTheNextPageView() {
        Browser moderator = new Browser(environment);
        moderator.logInAsAdmin();
        UUID first = comments.publishAndAwait(ScoredComments.on(post.id()).verdict(Verdict.UNSURE).content("Bulk one").build(), "pending");
        UUID second = comments.publishAndAwait(ScoredComments.on(post.id()).verdict(Verdict.UNSURE).content("Bulk two").build(), "pending");
        assertThat(page()).doesNotContain("Bulk one").doesNotContain("Bulk two");

        bulk(moderator, "pending", "approve", first, second);
        assertThat(page()).contains("Bulk one").contains("Bulk two").contains("2 thoughts on");

        bulk(moderator, "approved", "trash", first, second);
        assertThat(page()).doesNotContain("Bulk one").doesNotContain("Bulk two").contains("No thoughts yet");
    }

    @Test
    void theSignedModerationLinksAreOnTheNextPageView() {
        UUID id = comments.publishAndAwait(ScoredComments.on(post.id()).verdict(Verdict.UNSURE)
                .content("Approved from the inbox").build(), "pending");
        assertThat(page()).doesNotContain("Approved from the inbox");

        assertThat(follow(links.link(id, "approve")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page()).contains("Approved from the inbox");

        assertThat(follow(links.link(id, "spam")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page()).doesNotContain("Approved from the inbox");
    }

    @Test
    void postChangesAreOnTheNextPageView() {
        comments.publishAndAwait(ScoredComments.on(post.id()).content("Still here after the edit").build(), "approved");
        assertThat(page()).contains(post.title()).contains("id=\"respond\"");

        // an edit, comments switched off
        catalog.update(post.id(), new PostEdit(post.slug(), "A better title", "A *new* body.", post.authorName(),
                post.authorEmail(), false, null));
        assertThat(page()).contains("A better title").contains("A <em>new</em> body.").contains("Comments are closed.")
                .doesNotContain("id=\"respond\"").contains("Still here after the edit");

        // taken off the blog, then back
        catalog.unpublish(post.id());
        assertThat(http.getForEntity("/posts/" + post.slug(), String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        catalog.publish(post.id());
        assertThat(page()).contains("A better title");

        // a new slug
        String moved = post.slug() + "-moved";
        catalog.update(post.id(), new PostEdit(moved, "A better title", "A *new* body.", post.authorName(),
                post.authorEmail(), true, null));
        assertThat(http.getForEntity("/posts/" + post.slug(), String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForObject("/posts/" + moved, String.class)).contains("A better title").contains("id=\"respond\"");
    }

    @Test
    void aPendingCommentIsShownToItsAuthorOnlyWhileThePageIsCached() {
        comments.publishAndAwait(ScoredComments.on(post.id()).content("Everyone sees this").build(), "approved");
        assertThat(page()).contains("Everyone sees this");
        UUID held = comments.publishAndAwait(ScoredComments.on(post.id()).verdict(Verdict.UNSURE)
                .content("Only my eyes, for now").build(), "pending");
        String token = tokens.token(held, Instant.now().plusSeconds(600).getEpochSecond());

        // the author, back from intake's redirect, sees it in its place
        ResponseEntity<String> mine = http.getForEntity("/posts/" + post.slug() + "?unapproved=" + held
                + "&moderation-hash=" + token, String.class);
        assertThat(mine.getHeaders().getCacheControl()).isEqualTo("private, no-store");
        Element shown = Jsoup.parse(mine.getBody()).selectFirst("li#comment-" + held);
        assertThat(shown).isNotNull();
        assertThat(shown.select(".comment-awaiting-moderation").text()).isEqualTo("Your comment is awaiting moderation.");
        assertThat(mine.getBody()).contains("Everyone sees this");

        // nobody else does, before or after the author's visit
        assertThat(page()).doesNotContain("Only my eyes, for now").doesNotContain("awaiting moderation");
        assertThat(http.getForObject("/posts/" + post.slug() + "?unapproved=" + held, String.class))
                .doesNotContain("Only my eyes, for now");
    }

    private String page() {
        ResponseEntity<String> page = http.getForEntity("/posts/" + post.slug(), String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        return page.getBody();
    }

    private ResponseEntity<String> api() {
        return http.getForEntity("/api/posts/" + post.id() + "/comments", String.class);
    }

    private static String nonce(ResponseEntity<String> page) {
        return Jsoup.parse(page.getBody()).selectFirst("input[name=comment_nonce]").val();
    }

    /** Presses the action's button on the comment's row of the admin list, as the moderator would. */
    private static void moderate(Browser moderator, String list, UUID id, String action) {
        Document page = moderator.get("/admin/comments?status=" + list).document();
        Element button = page.selectFirst("tr#comment-" + id + " button.action-" + action);
        assertThat(button).as(action + " button of " + id + " in " + list).isNotNull();
        Browser.Response response = moderator.submit(page.selectFirst("form#moderation"), button.attr("formaction"), List.of());
        assertThat(moderator.get(response.redirectPath()).document().select(".admin-message").text())
                .endsWith(": 1 changed.");
    }

    private static void bulk(Browser moderator, String list, String action, UUID... ids) {
        Document page = moderator.get("/admin/comments?status=" + list).document();
        List<Map.Entry<String, String>> fields = new java.util.ArrayList<>(List.of(Map.entry("action", action)));
        for (UUID id : ids) {
            fields.add(Map.entry("ids", id.toString()));
        }
        Browser.Response response = moderator.submit(page.selectFirst("form#moderation"), "/admin/comments/bulk", fields);
        assertThat(moderator.get(response.redirectPath()).document().select(".admin-message").text())
                .endsWith(": " + ids.length + " changed.");
    }

    /** The author presses the button of a moderation email's link (a POST of the signed URL). */
    private ResponseEntity<String> follow(String link) {
        return http.exchange(link.substring(BLOG_URL.length()), HttpMethod.POST, HttpEntity.EMPTY, String.class);
    }
}
