package io.commentflow.posts.comment;

import io.commentflow.events.CommentScored;
import io.commentflow.events.NotificationKind;
import io.commentflow.events.ReplyNotification;
import io.commentflow.events.Verdict;
import io.commentflow.posts.post.Post;
import io.commentflow.posts.post.PostCatalog;
import io.commentflow.posts.support.Comments;
import io.commentflow.posts.support.Http;
import io.commentflow.posts.support.PostServiceIntegrationTest;
import io.commentflow.posts.support.ScoredComments;
import io.commentflow.posts.support.TestPosts;
import io.commentflow.posts.support.TopicReader;
import io.commentflow.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * comment-scored is consumed a poll at a time, in one transaction per poll: what a reader or operator sees must be
 * what storing the comments one after the other gave. Each test writes its records while the listener is stopped,
 * so that they arrive in one poll, all on the post's partition and in this order.
 */
@PostServiceIntegrationTest
class CommentScoredBatchIntegrationTests {

    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    PostCatalog catalog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Http http;
    @Autowired
    MeterRegistry meters;

    private Comments comments;
    private Post post;
    private TopicReader notifications;

    @BeforeEach
    void setUp() {
        comments = new Comments(kafka, http);
        post = TestPosts.create(catalog, "Batches");
        notifications = new TopicReader(broker, Topics.REPLY_NOTIFICATION.name());
    }

    @AfterEach
    void tearDown() {
        container().start();
        notifications.close();
        jdbc.sql("drop trigger if exists fail_marked_comments on comments").update();
        jdbc.sql("drop function if exists fail_marked_comments()").update();
        jdbc.sql("drop table if exists failing_comments").update();
    }

    @Test
    void storesEveryOtherCommentOfABatchAndDeadLettersOnlyTheUnreadableRecordAndTheCommentForAnUnknownPost() {
        // given: in one poll, between good comments, a record that is not Avro and a comment for a post that does not exist
        byte[] junk = "not avro at all".getBytes(StandardCharsets.UTF_8);
        CommentScored orphan = ScoredComments.on(UUID.randomUUID()).content("For a post nobody wrote").build();
        List<CommentScored> good = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            good.add(ScoredComments.on(post.id()).content("Good comment " + i).build());
        }

        // when
        whileStopped(() -> {
            send(good.get(0));
            send(good.get(1));
            sendRaw(junk);
            send(good.get(2));
            send(orphan);
            send(good.get(3));
            send(good.get(4));
            send(good.get(5));
        });

        // then: every good comment is published, once
        good.forEach(comment -> comments.awaitStatus(id(comment), "approved"));
        good.forEach(comment -> assertThat(rows("comments", id(comment))).isEqualTo(1));
        assertThat(rows("comments", id(orphan))).isZero();

        // and: just the two bad records were dead-lettered, at once (retries would take a minute), in their order
        try (TopicReader deadLetters = new TopicReader(broker, Topics.COMMENT_SCORED.deadLetterTopic())) {
            List<ConsumerRecord<String, byte[]>> dead = await().atMost(Duration.ofSeconds(30))
                    .until(() -> deadLetters.drain().withKey(post.id().toString()), list -> list.size() >= 2);
            assertThat(dead).hasSize(2);
            assertThat(dead.get(0).value()).isEqualTo(junk);
            assertThat(dead.get(0).headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull();
            assertThat(((CommentScored) TopicReader.decode(dead.get(1))).getComment().getCommentId()).isEqualTo(id(orphan));
            assertThat(new String(dead.get(1).headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                    .contains("unknown post");
        }

        // and: the post author hears of each good comment once
        good.forEach(comment -> notifications.awaitKey(id(comment).toString()));
        notifications.drain();
        good.forEach(comment -> assertThat(notifications.withKey(id(comment).toString())).hasSize(1));
    }

    @Test
    void givesRepliesInTheBatchOfTheirParentTheStatusSequentialProcessingWouldHaveGiven() {
        // given, in one poll:
        CommentScored parent = ScoredComments.on(post.id()).by("Pat Parent", "pat@reader.example").notifyFollowups()
                .content("Published parent").build();
        CommentScored reply = ScoredComments.on(post.id()).replyTo(id(parent)).content("Reply to a published parent").build();
        CommentScored heldParent = ScoredComments.on(post.id()).verdict(Verdict.UNSURE).content("Held parent").build();
        CommentScored replyToHeld = ScoredComments.on(post.id()).replyTo(id(heldParent)).content("Reply to a held parent").build();
        CommentScored spamParent = ScoredComments.on(post.id()).verdict(Verdict.SPAM).content("Spam parent").build();
        CommentScored replyToSpam = ScoredComments.on(post.id()).replyTo(id(spamParent)).content("Reply to spam").build();
        // a reply that arrives before its parent: when it is stored, its parent is unknown
        UUID lateParentId = UUID.randomUUID();
        CommentScored earlyReply = ScoredComments.on(post.id()).replyTo(lateParentId).content("Reply before its parent").build();
        CommentScored lateParent = ScoredComments.on(post.id()).id(lateParentId).content("Parent after its reply").build();
        CommentScored replyToReply = ScoredComments.on(post.id()).replyTo(id(reply)).content("Reply to the reply").build();
        List<CommentScored> batch = List.of(parent, reply, heldParent, replyToHeld, spamParent, replyToSpam, earlyReply,
                lateParent, replyToReply);

        // when
        whileStopped(() -> batch.forEach(this::send));

        // then
        comments.awaitStatus(id(replyToReply), "approved");
        assertThat(statuses(batch)).containsExactly("approved", "approved", "pending", "pending", "spam", "pending",
                "pending", "approved", "approved");

        // and: the published reply names its parent, whose author asked to hear of replies
        ReplyNotification toParent = (ReplyNotification) TopicReader.decode(notifications.awaitKey(id(reply).toString()).get(0));
        assertThat(toParent.getKind()).isEqualTo(NotificationKind.COMMENT_PUBLISHED);
        assertThat(toParent.getParent().getCommentId()).isEqualTo(id(parent));
        assertThat(toParent.getParent().getAuthor().getEmail()).isEqualTo("pat@reader.example");
        assertThat(toParent.getParent().getNotifyFollowups()).isTrue();
        ReplyNotification early = (ReplyNotification) TopicReader.decode(notifications.awaitKey(id(earlyReply).toString()).get(0));
        assertThat(early.getKind()).isEqualTo(NotificationKind.MODERATION_REQUESTED);
        assertThat(early.getParent()).isNull();

        // and: the outbox holds the notifications in the order of the records (spam announces nothing)
        List<UUID> announced = batch.stream().filter(c -> c != spamParent).map(CommentScoredBatchIntegrationTests::id).toList();
        assertThat(outboxKeysInOrder(announced)).containsExactlyElementsOf(announced.stream().map(UUID::toString).toList());
    }

    @Test
    void aDatabaseFailureInTheMiddleOfABatchLosesNothingAndDuplicatesNothing() {
        // given: storing one comment of the batch fails until the database is "repaired"
        jdbc.sql("create table failing_comments (content text primary key)").update();
        jdbc.sql("""
                create function fail_marked_comments() returns trigger language plpgsql as $$
                begin
                    if exists (select 1 from failing_comments where content = new.content) then
                        raise exception 'forced failure for a test';
                    end if;
                    return new;
                end $$""").update();
        jdbc.sql("create trigger fail_marked_comments before insert on comments for each row execute function fail_marked_comments()")
                .update();
        jdbc.sql("insert into failing_comments values ('Fails for a while')").update();
        List<CommentScored> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(ScoredComments.on(post.id()).content(i == 2 ? "Fails for a while" : "Comment " + i).build());
        }

        // when
        whileStopped(() -> batch.forEach(this::send));

        // then: the comments before the failing one are stored on their own, the rest waits behind it
        comments.awaitStatus(id(batch.get(1)), "approved");
        comments.awaitStatus(id(batch.get(0)), "approved");
        assertThat(rows("comments", id(batch.get(2)))).isZero();
        assertThat(rows("comments", id(batch.get(3)))).isZero();
        assertThat(rows("comments", id(batch.get(4)))).isZero();

        // when: the database works again while the record is retried
        jdbc.sql("delete from failing_comments").update();

        // then: every comment is stored and announced exactly once
        comments.awaitStatus(id(batch.get(4)), "approved");
        batch.forEach(comment -> {
            assertThat(rows("comments", id(comment))).isEqualTo(1);
            assertThat(rows("outbox", id(comment))).isEqualTo(1);
            notifications.awaitKey(id(comment).toString());
        });
        notifications.drain();
        batch.forEach(comment -> assertThat(notifications.withKey(id(comment).toString())).hasSize(1));
        try (TopicReader deadLetters = new TopicReader(broker, Topics.COMMENT_SCORED.deadLetterTopic())) {
            assertThat(deadLetters.drain().withKey(post.id().toString())).isEmpty();
        }
    }

    @Test
    void redeliveringAWholeBatchChangesNothing() {
        // given: a batch stored and announced, one comment twice in it
        CommentScored parent = ScoredComments.on(post.id()).content("Parent").reasons("rule: \"links\" = 0", "a\\b, {c}", "NULL").build();
        CommentScored reply = ScoredComments.on(post.id()).replyTo(id(parent)).content("Reply").build();
        CommentScored held = ScoredComments.on(post.id()).verdict(Verdict.UNSURE).content("Held").build();
        CommentScored spam = ScoredComments.on(post.id()).verdict(Verdict.SPAM).content("Spam").build();
        List<CommentScored> batch = List.of(parent, reply, held, parent, spam);
        whileStopped(() -> batch.forEach(this::send));
        comments.awaitStatus(id(spam), "spam");
        List.of(parent, reply, held).forEach(comment -> notifications.awaitKey(id(comment).toString()));
        double duplicatesBefore = duplicatesCounted();

        // when: the whole batch comes again (a replay after a crash before the offsets were committed), then a new comment
        CommentScored next = ScoredComments.on(post.id()).content("Next").build();
        whileStopped(() -> {
            batch.forEach(this::send);
            send(next);
        });

        // then: once the new comment is through, the redelivered ones have changed nothing
        comments.awaitStatus(id(next), "approved");
        notifications.awaitKey(id(next).toString());
        assertThat(statuses(List.of(parent, reply, held, spam))).containsExactly("approved", "approved", "pending", "spam");
        for (CommentScored comment : List.of(parent, reply, held, spam)) {
            assertThat(rows("comments", id(comment))).isEqualTo(1);
            assertThat(rows("outbox", id(comment))).isEqualTo(comment == spam ? 0 : 1);
        }
        notifications.drain();
        List.of(parent, reply, held).forEach(comment -> assertThat(notifications.withKey(id(comment).toString())).hasSize(1));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(duplicatesCounted() - duplicatesBefore).isEqualTo(5));
        // and: the spam filter's reasons were stored as they were
        assertThat(jdbc.sql("select reasons from comments where id = ?").param(id(parent)).query((rs, n) -> (String[]) rs.getArray(1).getArray()).single())
                .containsExactly("rule: \"links\" = 0", "a\\b, {c}", "NULL");
    }

    private void whileStopped(Runnable publish) {
        container().stop();
        try {
            publish.run();
        } finally {
            container().start();
        }
    }

    private MessageListenerContainer container() {
        return listeners.getListenerContainer("comment-scored");
    }

    /** Every record on the post's partition, in this order. */
    private void send(CommentScored event) {
        sendValue(event);
    }

    private void sendRaw(byte[] value) {
        sendValue(value);
    }

    private void sendValue(Object value) {
        try {
            kafka.send(Topics.COMMENT_SCORED.name(), post.id().toString(), value).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UUID id(CommentScored comment) {
        return comment.getComment().getCommentId();
    }

    private List<String> statuses(List<CommentScored> batch) {
        Map<UUID, String> stored = jdbc.sql("select id, status from comments where id = any(?)")
                .param(batch.stream().map(CommentScoredBatchIntegrationTests::id).toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("status")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return batch.stream().map(CommentScoredBatchIntegrationTests::id).map(id -> stored.getOrDefault(id, "absent")).toList();
    }

    private List<String> outboxKeysInOrder(List<UUID> ids) {
        return jdbc.sql("select key from outbox where key = any(?) order by id")
                .param(ids.stream().map(UUID::toString).toArray(String[]::new))
                .query(String.class).list();
    }

    private long rows(String table, UUID commentId) {
        String column = table.equals("outbox") ? "key" : "id::text";
        return jdbc.sql("select count(*) from " + table + " where " + column + " = ?").param(commentId.toString())
                .query(Long.class).single();
    }

    private double duplicatesCounted() {
        return meters.find("commentflow.comments.stored").tag("status", "duplicate").counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }
}
