package io.commentflow.posts.demo;

import io.commentflow.posts.comment.CommentImporter;
import io.commentflow.posts.comment.ImportedComment;
import io.commentflow.posts.post.NewPost;
import io.commentflow.posts.post.PostCatalog;
import io.commentflow.posts.system.Links;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * On first start (no posts at all) publishes a demo post with one reader comment, so a newcomer has a page to
 * comment on. The post is announced on post-catalog like any other; the comment is published as is.
 * Switch off with {@code commentflow.demo.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "commentflow.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoContent implements ApplicationRunner {

    static final UUID POST_ID = UUID.fromString("8f1c2a6e-4b7d-4c3e-9a51-2d6f0e7b3c11");
    static final UUID COMMENT_ID = UUID.fromString("5e0b7d4a-9c2f-4a8e-b1d3-6f4a2c8e9b70");
    static final String SLUG = "lessons-from-the-big-accounts-on-twitter";

    /** Serialises first starts of several instances ("demo" in ASCII). */
    private static final long SEED_LOCK = 0x64656D6FL;

    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);

    private final PostCatalog catalog;
    private final CommentImporter comments;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Links links;

    DemoContent(PostCatalog catalog, CommentImporter comments, TransactionTemplate transactions, JdbcClient jdbc, Links links) {
        this.catalog = catalog;
        this.comments = comments;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.links = links;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean created = Boolean.TRUE.equals(transactions.execute(status -> {
            jdbc.sql("select 1 from (select pg_advisory_xact_lock(?)) locked").param(SEED_LOCK).query(Integer.class).single();
            if (!catalog.isEmpty()) {
                return false;
            }
            seed();
            return true;
        }));
        if (created) {
            log.info("Created the demo post {}", POST_ID);
        }
        if (catalog.find(POST_ID).isPresent()) {
            log.info("Demo post: {}", links.post(SLUG));
        }
    }

    private void seed() {
        catalog.create(new NewPost(POST_ID, SLUG, DemoText.TITLE, DemoText.BODY, "Maya Lindqvist", "maya@blog.example", true));
        comments.importApproved(new ImportedComment(COMMENT_ID, POST_ID, null, "Daniel Okafor", "daniel@reader.example",
                "https://daniel-okafor.example", DemoText.COMMENT, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
    }
}
