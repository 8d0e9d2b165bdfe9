package io.commentflow.posts.demo;

import io.commentflow.events.PostChanged;
import io.commentflow.posts.support.Http;
import io.commentflow.posts.support.PostServiceIntegrationTest;
import io.commentflow.posts.support.TopicReader;
import io.commentflow.schemas.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@PostServiceIntegrationTest
class DemoContentIntegrationTests {

    private static final String DEMO_URL = PostServiceIntegrationTest.BLOG_URL + "/posts/" + DemoContent.SLUG;

    @Autowired
    Http http;
    @Autowired
    EmbeddedKafkaBroker broker;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void servesTheDemoPostWithOneThoughtAndTheReplyForm() {
        ResponseEntity<String> response = http.getForEntity("/posts/" + DemoContent.SLUG, String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(response.getBody())
                .contains("<h1 class=\"entry-title\">" + DemoText.TITLE + "</h1>")
                .contains("One thought on “" + DemoText.TITLE + "”")
                .contains("id=\"comment-" + DemoContent.COMMENT_ID + "\"")
                .contains("rel=\"nofollow ugc\" href=\"https://daniel-okafor.example\">Daniel Okafor</a>")
                .contains("Networking: it makes the first contact")
                .contains("<form id=\"respond\" class=\"comment-respond\" method=\"post\" action=\"http://intake.test/wp-comments-post.php\">")
                .contains("name=\"author\"", "name=\"email\"", "name=\"url\"", "name=\"comment\"", "name=\"subscribe_comments\"")
                .contains("Notify me of follow-up comments by email")
                .contains("name=\"comment_post_ID\" id=\"comment_post_ID\" value=\"" + DemoContent.POST_ID + "\"")
                .contains("name=\"comment_parent\" id=\"comment_parent\" value=\"0\"")
                .contains("name=\"redirect_to\" value=\"" + DEMO_URL + "\"")
                .doesNotContain("maya@blog.example")
                .doesNotContain("daniel@reader.example");
    }

    @Test
    void listsTheDemoPostInHtmlAndJson() {
        assertThat(http.getForObject("/", String.class))
                .contains("href=\"/posts/" + DemoContent.SLUG + "\"").contains(DemoText.TITLE);

        JsonNode posts = json.readTree(http.getForObject("/api/posts", String.class));
        JsonNode demo = posts.valueStream().filter(p -> p.get("id").asString().equals(DemoContent.POST_ID.toString()))
                .findFirst().orElseThrow();
        assertThat(demo.get("slug").asString()).isEqualTo(DemoContent.SLUG);
        assertThat(demo.get("title").asString()).isEqualTo(DemoText.TITLE);
        assertThat(demo.get("link").asString()).isEqualTo(DEMO_URL);
        assertThat(demo.get("comments_open").asBoolean()).isTrue();
        assertThat(demo.get("comment_count").asLong()).isEqualTo(1);

        String one = http.getForObject("/api/posts/" + DemoContent.POST_ID, String.class);
        assertThat(one).contains("\"content\":\"<p>A prime minister").doesNotContain("maya@blog.example");
        JsonNode comments = json.readTree(http.getForObject("/api/posts/" + DemoContent.POST_ID + "/comments", String.class));
        assertThat(comments).hasSize(1);
        assertThat(comments.get(0).get("author_name").asString()).isEqualTo("Daniel Okafor");
    }

    @Test
    void announcesTheDemoPostOnPostCatalog() {
        try (TopicReader postCatalog = new TopicReader(broker, Topics.POST_CATALOG.name())) {
            PostChanged changed = (PostChanged) TopicReader.decode(postCatalog.awaitKey(DemoContent.POST_ID.toString()).get(0));
            assertThat(changed.getPostId()).isEqualTo(DemoContent.POST_ID);
            assertThat(changed.getSlug()).isEqualTo(DemoContent.SLUG);
            assertThat(changed.getLink()).isEqualTo(DEMO_URL);
            assertThat(changed.getCommentsOpen()).isTrue();
            assertThat(changed.getPublished()).isTrue();
        }
    }

    @Test
    void answersUnknownPostsWithNotFound() {
        HttpHeaders html = new HttpHeaders();
        html.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> page = http.exchange("/posts/no-such-post", HttpMethod.GET, new HttpEntity<>(html), String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(page.getBody()).contains("Page not found").contains("/posts/no-such-post");

        ResponseEntity<String> api = http.getForEntity("/api/posts/00000000-0000-0000-0000-000000000000", String.class);
        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(http.getForEntity("/api/comments/00000000-0000-0000-0000-000000000000", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void reportsHealthAndOutboxBacklog() {
        assertThat(http.getForObject("/actuator/health", String.class)).contains("\"status\":\"UP\"");
        assertThat(http.getForObject("/actuator/prometheus", String.class)).contains("commentflow_outbox_backlog");
    }
}
