package io.commentflow.posts.system;

import io.commentflow.posts.post.Post;
import io.commentflow.posts.post.PostCatalog;
import io.commentflow.posts.support.FreshSchema;
import io.commentflow.posts.support.Http;
import io.commentflow.posts.support.HttpClientConfig;
import io.commentflow.posts.support.InProcessBroker;
import io.commentflow.posts.support.TcpProxy;
import io.commentflow.posts.support.TestPosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * post-service with its database behind a proxy that the test cuts, as when PostgreSQL's machine goes away: what
 * readers have been served from the caches is still served, anything else is a 503 with Retry-After (an HTML page,
 * or problem JSON under /api/), never a 500, and everything answers again once the database is back. Its own
 * application context (the shared one must keep its database), with a short wait for a connection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.username=postgres",
        "spring.datasource.password=",
        "spring.datasource.hikari.connection-timeout=1000",
        "spring.flyway.schemas=" + DatabaseOutageIntegrationTests.SCHEMA,
        "spring.flyway.clean-disabled=false",
        "commentflow.topics.partitions=1",
        "commentflow.blog.cache.max-age=1h",
})
@InProcessBroker
@Import({FreshSchema.class, HttpClientConfig.class})
class DatabaseOutageIntegrationTests {

    static final String SCHEMA = "post_service_outage_it";
    private static final TcpProxy DATABASE = proxy();

    @Autowired
    Http http;
    @Autowired
    PostCatalog catalog;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url",
                () -> "jdbc:postgresql://127.0.0.1:" + DATABASE.port() + "/test?currentSchema=" + SCHEMA);
    }

    @AfterAll
    static void closeProxy() throws IOException {
        DATABASE.close();
    }

    @Test
    void whileTheDatabaseIsUnreachableCachedPagesAreServedAndEverythingElseIsA503() throws IOException {
        Post read = TestPosts.create(catalog, "Read before the outage");
        Post unread = TestPosts.create(catalog, "Not read before the outage");
        assertThat(http.getForEntity("/posts/" + read.slug(), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        DATABASE.cut();
        try {
            ResponseEntity<String> cached = http.getForEntity("/posts/" + read.slug(), String.class);
            assertThat(cached.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(cached.getBody()).contains("Read before the outage");

            ResponseEntity<String> page = http.getForEntity("/posts/" + unread.slug(), String.class);
            assertThat(page.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(page.getHeaders().getFirst("Retry-After")).isEqualTo("5");
            assertThat(page.getHeaders().getContentType()).hasToString("text/html;charset=UTF-8");
            assertThat(page.getBody()).contains("the blog's database does not answer");

            ResponseEntity<String> api = http.getForEntity("/api/posts/" + unread.id() + "/comments", String.class);
            assertThat(api.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(api.getHeaders().getFirst("Retry-After")).isEqualTo("5");
            assertThat(api.getHeaders().getContentType()).hasToString("application/problem+json;charset=UTF-8");
            assertThat(api.getBody()).contains("\"status\":503");
        } finally {
            DATABASE.restore();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ResponseEntity<String> page = http.getForEntity("/posts/" + unread.slug(), String.class);
            assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(page.getBody()).contains("Not read before the outage");
        });
        assertThat(http.getForEntity("/api/posts/" + unread.id() + "/comments", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    private static TcpProxy proxy() {
        try {
            return new TcpProxy("127.0.0.1", 5432);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
