package io.commentflow.posts.outbox;

import io.commentflow.events.PostChanged;
import io.commentflow.posts.post.Post;
import io.commentflow.posts.post.PostCatalog;
import io.commentflow.posts.support.PostServiceIntegrationTest;
import io.commentflow.posts.support.TestPosts;
import io.commentflow.posts.support.TopicReader;
import io.commentflow.schemas.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

@PostServiceIntegrationTest
class OutboxRelayIntegrationTests {

    @Autowired
    OutboxRelay relay;
    @Autowired
    Outbox outbox;
    @Autowired
    PostCatalog catalog;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EmbeddedKafkaBroker broker;

    private TopicReader postCatalog;

    @BeforeEach
    void setUp() {
        postCatalog = new TopicReader(broker, Topics.POST_CATALOG.name());
    }

    @AfterEach
    void tearDown() {
        relay.start();
        postCatalog.close();
    }

    @Test
    void publishesChangeCommittedWhileTheRelayWasDownOnceItRunsAgain() {
        // given: the relay is down, as if the service died between the commit and the send
        relay.stop();

        // when
        Post post = TestPosts.create(catalog, "Written while the relay was down");
        String key = post.id().toString();

        // then: the event waits in the table
        assertThat(unpublished(key)).isEqualTo(1);
        assertThat(postCatalog.drain().withKey(key)).isEmpty();

        // when: the relay comes back
        relay.start();

        // then: published exactly once, and marked so
        PostChanged changed = (PostChanged) TopicReader.decode(postCatalog.awaitKey(key).get(0));
        assertThat(changed.getSlug()).isEqualTo(post.slug());
        assertThat(changed.getTitle()).isEqualTo(post.title());
        assertThat(changed.getLink()).isEqualTo(PostServiceIntegrationTest.BLOG_URL + "/posts/" + post.slug());
        await().atMost(Duration.ofSeconds(10)).until(() -> unpublished(key) == 0);
        relay.relayPending();
        assertThat(postCatalog.drain().withKey(key)).hasSize(1);
    }

    @Test
    void rolledBackChangeLeavesNoOutboxRowAndSendsNothing() {
        // given
        String[] key = new String[1];

        // when
        transactions.executeWithoutResult(status -> {
            key[0] = TestPosts.create(catalog, "Never to be").id().toString();
            status.setRollbackOnly();
        });
        relay.relayPending();

        // then
        assertThat(jdbc.sql("select count(*) from outbox where key = ?").param(key[0]).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from posts where id = ?::uuid").param(key[0]).query(Long.class).single()).isZero();
        assertThat(postCatalog.drain().withKey(key[0])).isEmpty();
    }

    @Test
    void refusesEventsOutsideATransaction() {
        assertThatIllegalStateException().isThrownBy(() -> outbox.append(Topics.POST_CATALOG, "key",
                PostChanged.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(Instant.now())
                        .setPostId(UUID.randomUUID()).setSlug("s").setTitle("t").setLink("l").build()));
    }

    private long unpublished(String key) {
        return jdbc.sql("select count(*) from outbox where key = ? and published_at is null").param(key).query(Long.class).single();
    }
}
