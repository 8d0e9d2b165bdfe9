package io.commentflow.posts.post;

import io.commentflow.events.PostChanged;
import io.commentflow.posts.support.Browser;
import io.commentflow.posts.support.Http;
import io.commentflow.posts.support.PostServiceIntegrationTest;
import io.commentflow.posts.support.TopicReader;
import io.commentflow.schemas.Topics;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.commentflow.posts.support.PostServiceIntegrationTest.ADMIN_PASSWORD;
import static io.commentflow.posts.support.PostServiceIntegrationTest.ADMIN_USERNAME;
import static io.commentflow.posts.support.PostServiceIntegrationTest.BLOG_URL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@PostServiceIntegrationTest
class PostAdminIntegrationTests {

    @Autowired
    Http http;
    @Autowired
    Environment environment;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CommentWindowCloser windowCloser;
    @Autowired
    PostCatalog catalog;

    private final JsonMapper json = JsonMapper.builder().build();
    private TopicReader postCatalog;

    @BeforeEach
    void setUp() {
        postCatalog = new TopicReader(broker, Topics.POST_CATALOG.name());
    }

    @AfterEach
    void tearDown() {
        postCatalog.close();
    }

    @Test
    void adminApiCreatesEditsAndUnpublishesPostsAnnouncingEveryChange() {
        // when: a post is created
        String slug = "api-post-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<String> created = api(HttpMethod.POST, "/api/admin/posts", """
                {"slug": "%s", "title": "Written through the API", "body": "Hello *world*.",
                 "author_name": "Api Author", "author_email": "api.author@blog.example", "published": true}""".formatted(slug));

        // then
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode post = json.readTree(created.getBody());
        String id = post.get("id").asString();
        assertThat(created.getHeaders().getLocation()).hasToString("/api/admin/posts/" + id);
        assertThat(post.get("author_email").asString()).isEqualTo("api.author@blog.example");
        assertThat(post.get("comments_open").asBoolean()).isTrue();
        assertThat(post.get("published").asBoolean()).isTrue();
        assertThat(http.getForObject("/posts/" + slug, String.class)).contains("Hello <em>world</em>.");
        PostChanged first = changes(id, 1).get(0);
        assertThat(first.getSlug()).isEqualTo(slug);
        assertThat(first.getTitle()).isEqualTo("Written through the API");
        assertThat(first.getLink()).isEqualTo(BLOG_URL + "/posts/" + slug);
        assertThat(first.getPublished()).isTrue();
        assertThat(first.getCommentsOpen()).isTrue();

        // when: it is edited, comments closed
        ResponseEntity<String> edited = api(HttpMethod.PUT, "/api/admin/posts/" + id, """
                {"slug": "%s", "title": "Renamed through the API", "body": "Changed.",
                 "author_name": "Api Author", "author_email": "api.author@blog.example", "comments_open": false}""".formatted(slug));

        // then
        assertThat(edited.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(edited.getBody()).get("title").asString()).isEqualTo("Renamed through the API");
        PostChanged second = changes(id, 2).get(1);
        assertThat(second.getTitle()).isEqualTo("Renamed through the API");
        assertThat(second.getCommentsOpen()).isFalse();
        String page = http.getForObject("/posts/" + slug, String.class);
        assertThat(page).contains("Changed.").contains("Comments are closed.").doesNotContain("id=\"respond\"");

        // when: it is unpublished, then published again
        assertThat(api(HttpMethod.POST, "/api/admin/posts/" + id + "/unpublish", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/posts/" + slug, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/api/posts/" + id, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(changes(id, 3).get(2).getPublished()).isFalse();
        assertThat(api(HttpMethod.POST, "/api/admin/posts/" + id + "/publish", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(changes(id, 4).get(3).getPublished()).isTrue();
        assertThat(http.getForEntity("/posts/" + slug, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        // and: the admin list and the public API
        assertThat(api(HttpMethod.GET, "/api/admin/posts/" + id, null).getBody()).contains("\"body\":\"Changed.\"");
        assertThat(http.getForObject("/api/posts/" + id, String.class)).doesNotContain("api.author@blog.example");
    }

    @Test
    void rendersMarkdownAndEscapesRawHtml() {
        String slug = "markdown-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<String> created = api(HttpMethod.POST, "/api/admin/posts", json.writeValueAsString(Map.of(
                "slug", slug, "title", "Markdown <b>title</b>", "author_name", "Md", "author_email", "md@blog.example",
                "published", true,
                "body", "## Lessons\n\n**Bold** and `code`.\n\n<script>alert('x')</script>\n\n<b onclick=\"x()\">raw</b>\n\n[js](javascript:alert(1))")));
        String id = json.readTree(created.getBody()).get("id").asString();

        String page = http.getForObject("/posts/" + slug, String.class);
        Element content = Jsoup.parse(page).selectFirst(".entry-content");

        assertThat(content.select("h2").text()).isEqualTo("Lessons");
        assertThat(content.select("strong").text()).isEqualTo("Bold");
        assertThat(content.select("code").text()).isEqualTo("code");
        assertThat(content.select("script, b")).isEmpty();
        assertThat(content.text()).contains("<script>alert('x')</script>").contains("<b onclick=\"x()\">raw</b>");
        assertThat(page).doesNotContain("<script>").doesNotContain("javascript:").contains("Markdown &lt;b&gt;title&lt;/b&gt;");
        String api = http.getForObject("/api/posts/" + id, String.class);
        assertThat(json.readTree(api).get("content").asString()).contains("<h2>Lessons</h2>").contains("&lt;script&gt;")
                .doesNotContain("<script>");
    }

    @Test
    void refusesChangesThatACrossSiteFormCouldSend() {
        String id = io.commentflow.posts.support.TestPosts.create(catalog, "Cross-site").id().toString();
        HttpHeaders form = new HttpHeaders();
        form.setBasicAuth(ADMIN_USERNAME, ADMIN_PASSWORD);
        form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);

        assertThat(http.exchange("/api/admin/posts/" + id + "/unpublish", HttpMethod.POST, new HttpEntity<>("", form), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(http.exchange("/api/admin/posts", HttpMethod.POST, new HttpEntity<>("slug=x&title=y", form), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(catalog.find(UUID.fromString(id)).orElseThrow().published()).isTrue();
    }

    @Test
    void refusesInvalidPostsNamingTheFields() {
        ResponseEntity<String> invalid = api(HttpMethod.POST, "/api/admin/posts", """
                {"slug": "Not A Slug", "title": "", "body": "x", "author_name": "A", "author_email": "nope",
                 "close_comments_after_days": 0}""");
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(json.readTree(invalid.getBody()).get("errors").propertyNames())
                .containsExactlyInAnyOrder("slug", "title", "authorEmail", "closeCommentsAfterDays");

        ResponseEntity<String> taken = api(HttpMethod.POST, "/api/admin/posts", """
                {"slug": "lessons-from-the-big-accounts-on-twitter", "title": "Copy", "body": "x", "author_name": "A",
                 "author_email": "a@blog.example"}""");
        assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(taken.getBody()).contains("another post has the slug");

        assertThat(api(HttpMethod.PUT, "/api/admin/posts/" + UUID.randomUUID(), """
                {"slug": "x", "title": "x", "body": "x", "author_name": "A", "author_email": "a@blog.example"}""")
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void adminPagesCreateEditAndPublishPosts() {
        Browser admin = new Browser(environment);
        admin.logInAsAdmin();
        String slug = "from-the-form-" + UUID.randomUUID().toString().substring(0, 8);

        // when: a draft is written in the form
        Document form = admin.get("/admin/posts/new").document();
        assertThat(form.selectFirst("input#commentsOpen").hasAttr("checked")).isTrue();
        assertThat(form.selectFirst("input#publish").hasAttr("checked")).isFalse();
        Browser.Response created = admin.submit(form.selectFirst("form#post-form"), null, List.of(
                Map.entry("title", "From the form"), Map.entry("slug", slug), Map.entry("body", "Drafted *here*."),
                Map.entry("authorName", "Form Author"), Map.entry("authorEmail", "form@blog.example"),
                Map.entry("closeCommentsAfterDays", "30")));

        // then: a draft, not public yet
        assertThat(created.redirectPath()).isEqualTo("/admin/posts");
        Document list = admin.get("/admin/posts").document();
        assertThat(list.select(".admin-message").text()).isEqualTo("Created “From the form” as a draft.");
        Element row = list.select("tr").stream().filter(tr -> tr.text().contains(slug)).findFirst().orElseThrow();
        String id = row.id().substring("post-".length());
        assertThat(row.select(".publication").text()).isEqualTo("draft");
        assertThat(http.getForEntity("/posts/" + slug, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(changes(id, 1).get(0).getPublished()).isFalse();

        // when: published from the list
        admin.submit(row.selectFirst("form:has(button.action-publish)"), null, List.of());

        // then
        assertThat(http.getForObject("/posts/" + slug, String.class)).contains("Drafted <em>here</em>.");
        assertThat(changes(id, 2).get(1).getPublished()).isTrue();
        assertThat(admin.get("/admin/posts").document().selectFirst("tr#post-" + id + " .comments").text()).startsWith("open until ");

        // when: edited, with a mistake first
        Document edit = admin.get("/admin/posts/" + id + "/edit").document();
        assertThat(edit.selectFirst("input[name=title]").val()).isEqualTo("From the form");
        assertThat(edit.selectFirst("textarea[name=body]").text()).isEqualTo("Drafted *here*.");
        Browser.Response mistake = admin.submit(edit.selectFirst("form#post-form"), null, List.of(
                Map.entry("title", "Edited in the form"), Map.entry("slug", "Bad Slug"), Map.entry("body", "Edited."),
                Map.entry("authorName", "Form Author"), Map.entry("authorEmail", "form@blog.example")));
        assertThat(mistake.status()).isEqualTo(400);
        assertThat(mistake.document().select(".admin-errors li[data-field=slug]")).hasSize(1);
        edit.selectFirst("input#commentsOpen").removeAttr("checked");
        Browser.Response saved = admin.submit(edit.selectFirst("form#post-form"), null, List.of(
                Map.entry("title", "Edited in the form"), Map.entry("slug", slug), Map.entry("body", "Edited."),
                Map.entry("authorName", "Form Author"), Map.entry("authorEmail", "form@blog.example")));

        // then: comments closed, since the box was left unticked
        assertThat(saved.redirectPath()).isEqualTo("/admin/posts");
        assertThat(http.getForObject("/posts/" + slug, String.class)).contains("Edited in the form").contains("Comments are closed.");
        PostChanged third = changes(id, 3).get(2);
        assertThat(third.getTitle()).isEqualTo("Edited in the form");
        assertThat(third.getCommentsOpen()).isFalse();
    }

    @Test
    void announcesPostsWhoseCommentWindowHasEndedOnce() {
        // given: a post that closes comments after 3 days, published 4 days ago
        String slug = "window-" + UUID.randomUUID().toString().substring(0, 8);
        String id = json.readTree(api(HttpMethod.POST, "/api/admin/posts", """
                {"slug": "%s", "title": "Old news", "body": "x", "author_name": "A", "author_email": "a@blog.example",
                 "published": true, "close_comments_after_days": 3}""".formatted(slug)).getBody()).get("id").asString();
        assertThat(changes(id, 1).get(0).getCommentsOpen()).isTrue();
        jdbc.sql("update posts set published_at = now() - interval '4 days' where id = ?::uuid").param(id).update();
        assertThat(http.getForObject("/posts/" + slug, String.class)).contains("Comments are closed.");

        // when
        windowCloser.announceEndedWindows();
        windowCloser.announceEndedWindows();

        // then
        PostChanged closed = changes(id, 2).get(1);
        assertThat(closed.getCommentsOpen()).isFalse();
        assertThat(closed.getPublished()).isTrue();
        assertThat(jdbc.sql("select count(*) from outbox where key = ?").param(id).query(Long.class).single()).isEqualTo(2);
    }

    /** Waits for the post's PostChanged events (at least {@code count}) and returns them in order. */
    private List<PostChanged> changes(String postId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> postCatalog.drain().withKey(postId).size() >= count);
        return postCatalog.withKey(postId).stream().map(r -> (PostChanged) TopicReader.decode(r)).toList();
    }

    private ResponseEntity<String> api(HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(ADMIN_USERNAME, ADMIN_PASSWORD);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        if (method != HttpMethod.GET) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.exchange(path, method, body == null ? new HttpEntity<>(headers) : new HttpEntity<>(body, headers), String.class);
    }
}
