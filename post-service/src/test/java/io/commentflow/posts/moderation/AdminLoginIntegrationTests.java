package io.commentflow.posts.moderation;

import io.commentflow.events.CommentScored;
import io.commentflow.events.Verdict;
import io.commentflow.posts.post.Post;
import io.commentflow.posts.post.PostCatalog;
import io.commentflow.posts.support.Browser;
import io.commentflow.posts.support.Comments;
import io.commentflow.posts.support.Http;
import io.commentflow.posts.support.PostServiceIntegrationTest;
import io.commentflow.posts.support.ScoredComments;
import io.commentflow.posts.support.TestPosts;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.commentflow.posts.support.PostServiceIntegrationTest.ADMIN_PASSWORD;
import static io.commentflow.posts.support.PostServiceIntegrationTest.ADMIN_USERNAME;
import static org.assertj.core.api.Assertions.assertThat;

@PostServiceIntegrationTest
class AdminLoginIntegrationTests {

    @Autowired
    Environment environment;
    @Autowired
    Http http;
    @Autowired
    PostCatalog catalog;
    @Autowired
    KafkaTemplate<String, Object> kafka;

    @Test
    void sendsVisitorsOfTheAdminAreaToTheLoginPage() {
        Browser browser = new Browser(environment);

        for (String path : List.of("/admin", "/admin/comments", "/admin/comments?status=spam", "/admin/posts", "/admin/posts/new")) {
            Browser.Response response = browser.get(path);
            assertThat(response.status()).as(path).isEqualTo(302);
            assertThat(response.redirectPath()).as(path).isEqualTo("/login");
        }
        Document login = browser.get("/login").document();
        assertThat(login.select("input[name=username]")).hasSize(1);
        assertThat(login.select("input[name=password][type=password]")).hasSize(1);
        assertThat(Browser.csrfToken(login)).isPresent();
    }

    @Test
    void refusesAWrongPassword() {
        Browser browser = new Browser(environment);

        Browser.Response response = browser.logIn(ADMIN_USERNAME, ADMIN_PASSWORD + "!");

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.redirectPath()).isEqualTo("/login?error");
        assertThat(browser.get("/login?error").body()).contains("Wrong username or password.");
        assertThat(browser.get("/admin/comments").status()).isEqualTo(302);
        assertThat(new Browser(environment).logIn("admin", ADMIN_PASSWORD).redirectPath()).isEqualTo("/login?error");
    }

    @Test
    void refusesALoginWithoutTheCsrfToken() {
        Browser browser = new Browser(environment);
        browser.get("/login");

        Browser.Response response = browser.post("/login",
                List.of(Map.entry("username", ADMIN_USERNAME), Map.entry("password", ADMIN_PASSWORD)));

        assertThat(response.status()).isEqualTo(403);
        assertThat(browser.get("/admin/comments").status()).isEqualTo(302);
    }

    @Test
    void letsTheModeratorInAndOutAgain() {
        Browser browser = new Browser(environment);

        Browser.Response login = browser.logInAsAdmin();
        assertThat(login.redirectPath()).isEqualTo("/admin/comments");

        Browser.Response queue = browser.get("/admin/comments");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        Document page = queue.document();
        assertThat(page.select("h1").text()).isEqualTo("Comments");
        assertThat(page.select("form.logout input[name=_csrf]")).hasSize(1);

        Browser.Response logout = browser.submit(page.selectFirst("form.logout"), null, List.of());
        assertThat(logout.redirectPath()).isEqualTo("/login?logout");
        assertThat(browser.get("/admin/comments").status()).isEqualTo(302);
    }

    @Test
    void refusesModerationFormsWithoutAValidCsrfToken() {
        // given: a logged-in moderator and a pending comment
        Post post = TestPosts.create(catalog, "CSRF");
        Comments comments = new Comments(kafka, http);
        CommentScored unsure = ScoredComments.on(post.id()).verdict(Verdict.UNSURE).build();
        UUID id = comments.publishAndAwait(unsure, "pending");
        Browser browser = new Browser(environment);
        browser.logInAsAdmin();

        // when: forms are posted without the token, or with a wrong one
        Browser.Response noToken = browser.post("/admin/comments/" + id + "/approve", List.of());
        Browser.Response wrongToken = browser.post("/admin/comments/bulk",
                List.of(Map.entry("_csrf", UUID.randomUUID().toString()), Map.entry("action", "approve"), Map.entry("ids", id.toString())));
        Browser.Response noTokenPost = browser.post("/admin/posts", List.of(Map.entry("title", "Sneaky")));

        // then
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(wrongToken.status()).isEqualTo(403);
        assertThat(noTokenPost.status()).isEqualTo(403);
        assertThat(comments.status(id)).isEqualTo("pending");
    }

    @Test
    void adminApiAsksForBasicCredentials() {
        ResponseEntity<String> anonymous = http.getForEntity("/api/admin/posts", String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");

        assertThat(api("/api/admin/posts", ADMIN_USERNAME, "wrong").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> admin = api("/api/admin/posts", ADMIN_USERNAME, ADMIN_PASSWORD);
        assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(admin.getHeaders().get("Set-Cookie")).as("stateless: no session").isNull();
    }

    @Test
    void publicPagesOpenNoSession() {
        ResponseEntity<String> page = http.getForEntity("/posts/" + TestPosts.create(catalog, "No cookies").slug(), String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().get("Set-Cookie")).isNull();
        assertThat(page.getBody()).doesNotContain("_csrf");
    }

    private ResponseEntity<String> api(String path, String username, String password) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(username, password);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
