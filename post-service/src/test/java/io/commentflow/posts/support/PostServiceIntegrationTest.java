package io.commentflow.posts.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole service on a random port against this machine's PostgreSQL (database {@code test}, schema
 * {@code post_service_it}, emptied at context start) and an in-process KRaft broker, with an admin login and the
 * shared signing secrets configured, and the caches of what readers see never expiring. Every integration test
 * class uses exactly this configuration, so they share one application context and one broker.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + PostServiceIntegrationTest.SCHEMA,
        "spring.datasource.username=postgres",
        "spring.datasource.password=",
        "spring.flyway.schemas=" + PostServiceIntegrationTest.SCHEMA,
        "spring.flyway.clean-disabled=false",
        "commentflow.post-service-url=" + PostServiceIntegrationTest.BLOG_URL,
        "commentflow.intake-url=http://intake.test",
        "commentflow.topics.partitions=3",
        "commentflow.admin.username=" + PostServiceIntegrationTest.ADMIN_USERNAME,
        "commentflow.admin.password=" + PostServiceIntegrationTest.ADMIN_PASSWORD,
        "commentflow.moderation-links.secret=" + PostServiceIntegrationTest.MODERATION_LINKS_SECRET,
        "commentflow.pending-token.secret=" + PostServiceIntegrationTest.PENDING_TOKEN_SECRET,
        // tests run the scheduled jobs themselves, when they need them
        "commentflow.posts.comment-window-check-interval=1h",
        "commentflow.moderation.purge-interval=1h",
        // every test's comments share the database: keep each moderation list on one page
        "commentflow.moderation.per-page=1000",
        // what readers see stays cached for the whole run: a change shows only if it reached the caches
        "commentflow.blog.cache.max-age=1h",
})
@InProcessBroker
@Import({FreshSchema.class, HttpClientConfig.class})
public @interface PostServiceIntegrationTest {

    String SCHEMA = "post_service_it";
    String BLOG_URL = "http://blog.test";
    String ADMIN_USERNAME = "moderator";
    String ADMIN_PASSWORD = "correct horse battery staple";
    String MODERATION_LINKS_SECRET = "test-moderation-links-secret-0123456789";
    String PENDING_TOKEN_SECRET = "test-pending-token-secret-0123456789";
}
