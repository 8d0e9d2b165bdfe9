package io.commentflow.posts.comment;

import io.commentflow.events.CommentScored;
import io.commentflow.events.NotificationKind;
import io.commentflow.events.ReplyNotification;
import io.commentflow.events.Verdict;
import io.commentflow.posts.post.NewPost;
import io.commentflow.posts.post.Post;
import io.commentflow.posts.post.PostCatalog;
import io.commentflow.posts.support.Http;
import io.commentflow.posts.support.PostServiceIntegrationTest;
import io.commentflow.posts.support.ScoredComments;
import io.commentflow.posts.support.TestPosts;
import io.commentflow.posts.support.TopicReader;
import io.commentflow.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.commentflow.posts.support.PostServiceIntegrationTest.BLOG_URL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@PostServiceIntegrationTest
class CommentScoredIntegrationTests {

    private static final String EMAIL = "ada.private@reader.example";
    private static final String IP = "198.51.100.23";

    @Autowired
    Http http;
    @Autowired
    PostCatalog catalog;
    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();
    private TopicReader notifications;
    private Post post;

    @BeforeEach
    void setUp() {
        post = TestPosts.create(catalog, "Threads & <replies>");
        notifications = new TopicReader(broker, Topics.REPLY_NOTIFICATION.name());
    }

    @AfterEach
    void tearDown() {
        notifications.close();
    }

    @Test
    void publishesHamCommentOnPageAndApiAndNotifiesPostAuthorOnceEvenWhenRedelivered() throws Exception {
        // given
        CommentScored ham = ScoredComments.on(post.id()).by("Ada Reader", EMAIL).ip(IP).url("https://ada.example")
                .content("Loved this.\n\nSecond thought: <script>alert('x')</script> & more").notifyFollowups().build();
        UUID id = ham.getComment().getCommentId();

        // when
        publish(ham);

        // then: the comment is on the page, in the JSON API and has its state
        awaitStatus(id, "approved");
        String page = page(post.slug());
        assertThat(page)
                .contains("id=\"comment-" + id + "\"")
                .contains("One thought on “Threads &amp; &lt;replies&gt;”")
                .contains("<a class=\"url\" rel=\"nofollow ugc\" href=\"https://ada.example\">Ada Reader</a>")
                .contains("Loved this.")
                .contains("<p>Loved this.</p>")
                .contains("Second thought:  &amp; more")
                .doesNotContain("<script>", "alert(")
                .contains("href=\"?replytocom=" + id + "#respond\"");
        JsonNode comments = commentsOf(post.id());
        assertThat(comments).hasSize(1);
        JsonNode comment = comments.get(0);
        assertThat(comment.get("id").asString()).isEqualTo(id.toString());
        assertThat(comment.get("post").asString()).isEqualTo(post.id().toString());
        assertThat(comment.get("parent").isNull()).isTrue();
        assertThat(comment.get("author_name").asString()).isEqualTo("Ada Reader");
        assertThat(comment.get("author_url").asString()).isEqualTo("https://ada.example");
        assertThat(comment.get("content").asString()).startsWith("Loved this.");
        assertThat(comment.get("date").asString()).isEqualTo(ham.getComment().getSubmittedAt().toString());
        assertThat(comment.get("link").asString()).isEqualTo(commentLink(id));
        assertThat(state(id).getBody()).contains("\"link\":\"" + commentLink(id) + "\"");

        // and: the post author hears about it, keyed by comment id
        ConsumerRecord<String, byte[]> record = notifications.awaitKey(id.toString()).get(0);
        ReplyNotification notification = (ReplyNotification) TopicReader.decode(record);
        assertThat(notification.getKind()).isEqualTo(NotificationKind.COMMENT_PUBLISHED);
        assertThat(notification.getCommentId()).isEqualTo(id);
        assertThat(notification.getCommentLink()).isEqualTo(commentLink(id));
        assertThat(notification.getExcerpt()).startsWith("Loved this. Second thought:");
        assertThat(notification.getCommentAuthor().getName()).isEqualTo("Ada Reader");
        assertThat(notification.getCommentAuthor().getEmail()).isEqualTo(EMAIL);
        assertThat(notification.getPost().getPostId()).isEqualTo(post.id());
        assertThat(notification.getPost().getTitle()).isEqualTo(post.title());
        assertThat(notification.getPost().getLink()).isEqualTo(BLOG_URL + "/posts/" + post.slug());
        assertThat(notification.getPost().getAuthor().getEmail()).isEqualTo(TestPosts.AUTHOR_EMAIL);
        assertThat(notification.getParent()).isNull();
        assertThat(notification.getNotifyFollowups()).isTrue();

        // when: the same event arrives again, followed by another comment on the same post (same partition)
        publish(ham);
        CommentScored next = ScoredComments.on(post.id()).build();
        publish(next);

        // then: once the later one is through, the redelivery has changed nothing
        awaitStatus(next.getComment().getCommentId(), "approved");
        notifications.awaitKey(next.getComment().getCommentId().toString());
        assertThat(rows("comments", "id = ?", id)).isEqualTo(1);
        assertThat(rows("outbox", "key = ?", id.toString())).isEqualTo(1);
        assertThat(notifications.drain().withKey(id.toString())).hasSize(1);
        assertThat(commentsOf(post.id())).hasSize(2);
    }

    @Test
    void holdsUnsureCommentForModerationAndAsksTheAuthorToModerate() {
        // given
        CommentScored unsure = ScoredComments.on(post.id()).verdict(Verdict.UNSURE).by("Mo Derate", EMAIL).ip(IP)
                .content("Is this spam? Nobody knows.").build();
        UUID id = unsure.getComment().getCommentId();

        // when
        publish(unsure);

        // then
        awaitStatus(id, "pending");
        assertThat(state(id).getBody()).doesNotContain("link").doesNotContain("Nobody knows").doesNotContain(EMAIL);
        assertThat(page(post.slug())).doesNotContain(id.toString()).doesNotContain("Nobody knows").contains("No thoughts yet");
        assertThat(commentsOf(post.id())).isEmpty();
        ReplyNotification notification = (ReplyNotification) TopicReader.decode(notifications.awaitKey(id.toString()).get(0));
        assertThat(notification.getKind()).isEqualTo(NotificationKind.MODERATION_REQUESTED);
        assertThat(notification.getPost().getAuthor().getEmail()).isEqualTo(TestPosts.AUTHOR_EMAIL);
        assertThat(notification.getCommentLink()).isEqualTo(commentLink(id));
    }

    @Test
    void keepsSpamOutOfSightAndTellsNobody() {
        // given
        CommentScored spam = ScoredComments.on(post.id()).verdict(Verdict.SPAM).by("Cheap Pills", EMAIL).ip(IP)
                .content("Buy cheap pills now").build();
        UUID id = spam.getComment().getCommentId();
        CommentScored after = ScoredComments.on(post.id()).build();

        // when
        publish(spam);
        publish(after);

        // then
        awaitStatus(after.getComment().getCommentId(), "approved");
        notifications.awaitKey(after.getComment().getCommentId().toString());
        assertThat(state(id).getBody()).contains("\"status\":\"spam\"").doesNotContain("link").doesNotContain("pills");
        assertThat(page(post.slug())).doesNotContain(id.toString()).doesNotContain("cheap pills");
        assertThat(commentsOf(post.id())).hasSize(1);
        assertThat(rows("outbox", "key = ?", id.toString())).isZero();
        assertThat(notifications.drain().withKey(id.toString())).isEmpty();
    }

    @Test
    void nestsReplyToPublishedCommentAndHoldsRepliesToUnknownOrUnpublishedOnes() {
        // given
        CommentScored parent = ScoredComments.on(post.id()).by("Pat Parent", "pat.private@reader.example").notifyFollowups()
                .content("Top-level comment").build();
        UUID parentId = parent.getComment().getCommentId();
        CommentScored heldParent = ScoredComments.on(post.id()).verdict(Verdict.UNSURE).content("Held").build();
        publish(parent);
        publish(heldParent);
        awaitStatus(parentId, "approved");

        // when
        CommentScored reply = ScoredComments.on(post.id()).replyTo(parentId).by("Rae Reply", EMAIL).content("A reply").build();
        CommentScored replyToHeld = ScoredComments.on(post.id()).replyTo(heldParent.getComment().getCommentId()).build();
        CommentScored replyToUnknown = ScoredComments.on(post.id()).replyTo(UUID.randomUUID()).build();
        publish(reply);
        publish(replyToHeld);
        publish(replyToUnknown);

        // then
        UUID replyId = reply.getComment().getCommentId();
        awaitStatus(replyToUnknown.getComment().getCommentId(), "pending");
        assertThat(status(replyId)).isEqualTo("approved");
        assertThat(status(replyToHeld.getComment().getCommentId())).isEqualTo("pending");

        String page = page(post.slug());
        assertThat(page).contains("2 thoughts on");
        String parentItem = page.substring(page.indexOf("id=\"comment-" + parentId + "\""));
        assertThat(parentItem).containsSubsequence("Top-level comment", "<ol class=\"children\">",
                "id=\"comment-" + replyId + "\"", "class=\"comment depth-2\"", "A reply");

        JsonNode comments = commentsOf(post.id());
        assertThat(comments).hasSize(2);
        assertThat(comments.get(0).get("id").asString()).isEqualTo(parentId.toString());
        assertThat(comments.get(1).get("parent").asString()).isEqualTo(parentId.toString());

        ReplyNotification notification = (ReplyNotification) TopicReader.decode(notifications.awaitKey(replyId.toString()).get(0));
        assertThat(notification.getKind()).isEqualTo(NotificationKind.COMMENT_PUBLISHED);
        assertThat(notification.getParent().getCommentId()).isEqualTo(parentId);
        assertThat(notification.getParent().getAuthor().getName()).isEqualTo("Pat Parent");
        assertThat(notification.getParent().getAuthor().getEmail()).isEqualTo("pat.private@reader.example");
        assertThat(notification.getParent().getNotifyFollowups()).isTrue();

        // and: the Reply link's target fills comment_parent
        assertThat(http.getForObject("/posts/" + post.slug() + "?replytocom=" + parentId, String.class))
                .contains("Leave a Reply to <span>Pat Parent</span>")
                .contains("name=\"comment_parent\" id=\"comment_parent\" value=\"" + parentId + "\"");
    }

    @Test
    void holdsHamForAPostWhoseCommentsAreClosedInsteadOfLosingIt() {
        // given
        Post closed = catalog.create(new NewPost(null, "closed-" + UUID.randomUUID().toString().substring(0, 8),
                "Closed for comments", "Body.", "Penny Author", TestPosts.AUTHOR_EMAIL, false));
        CommentScored ham = ScoredComments.on(closed.id()).content("Late to the party").build();
        UUID id = ham.getComment().getCommentId();

        // when
        publish(ham);

        // then: kept, held for the author to decide, not shown
        awaitStatus(id, "pending");
        ReplyNotification notification = (ReplyNotification) TopicReader.decode(notifications.awaitKey(id.toString()).get(0));
        assertThat(notification.getKind()).isEqualTo(NotificationKind.MODERATION_REQUESTED);
        assertThat(page(closed.slug())).doesNotContain("Late to the party").contains("Comments are closed.");
    }

    @Test
    void neverShowsEmailOrIpAddressInPublicPagesOrJson() {
        // given
        CommentScored ham = ScoredComments.on(post.id()).by("Private Person", EMAIL).ip(IP).build();
        UUID id = ham.getComment().getCommentId();

        // when
        publish(ham);
        awaitStatus(id, "approved");

        // then
        List<String> publicViews = List.of(page(post.slug()), http.getForObject("/", String.class),
                http.getForObject("/api/posts", String.class), http.getForObject("/api/posts/" + post.id(), String.class),
                http.getForObject("/api/posts/" + post.id() + "/comments", String.class), state(id).getBody());
        assertThat(publicViews.get(0)).contains("Private Person");
        assertThat(publicViews.get(4)).contains("Private Person");
        assertThat(publicViews).allSatisfy(view -> assertThat(view)
                .doesNotContain(EMAIL).doesNotContain(IP).doesNotContain(TestPosts.AUTHOR_EMAIL));
    }

    @Test
    void sendsUnreadableRecordToDeadLetterTopicAndGoesOnWithTheNext() throws Exception {
        // given
        byte[] junk = "not avro at all".getBytes(StandardCharsets.UTF_8);
        CommentScored good = ScoredComments.on(post.id()).build();

        // when
        kafka.send(Topics.COMMENT_SCORED.name(), post.id().toString(), junk).get();
        publish(good);

        // then
        awaitStatus(good.getComment().getCommentId(), "approved");
        try (TopicReader deadLetters = new TopicReader(broker, Topics.COMMENT_SCORED.deadLetterTopic())) {
            List<ConsumerRecord<String, byte[]>> dead = deadLetters.awaitKey(post.id().toString());
            assertThat(dead).hasSize(1);
            assertThat(dead.get(0).value()).isEqualTo(junk);
            assertThat(dead.get(0).headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull();
            assertThat(dead.get(0).headers().lastHeader("kafka_dlt-original-topic").value())
                    .isEqualTo(Topics.COMMENT_SCORED.name().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void sendsCommentForUnknownPostToDeadLetterTopicWithoutRetrying() {
        // given
        UUID unknownPost = UUID.randomUUID();
        CommentScored orphan = ScoredComments.on(unknownPost).build();

        // when
        publish(orphan);

        // then
        try (TopicReader deadLetters = new TopicReader(broker, Topics.COMMENT_SCORED.deadLetterTopic())) {
            ConsumerRecord<String, byte[]> dead = deadLetters.awaitKey(unknownPost.toString()).get(0);
            CommentScored value = (CommentScored) TopicReader.decode(dead);
            assertThat(value.getComment().getCommentId()).isEqualTo(orphan.getComment().getCommentId());
            assertThat(new String(dead.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                    .contains("unknown post");
        }
        assertThat(http.getForEntity("/api/comments/" + orphan.getComment().getCommentId(), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private void publish(CommentScored event) {
        try {
            kafka.send(Topics.COMMENT_SCORED.name(), event.getComment().getPostId().toString(), event).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitStatus(UUID commentId, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(status(commentId)).isEqualTo(status));
    }

    private String status(UUID commentId) {
        ResponseEntity<String> response = state(commentId);
        return response.getStatusCode().is2xxSuccessful() ? json.readTree(response.getBody()).get("status").asString() : null;
    }

    private ResponseEntity<String> state(UUID commentId) {
        return http.getForEntity("/api/comments/" + commentId, String.class);
    }

    private String page(String slug) {
        ResponseEntity<String> response = http.getForEntity("/posts/" + slug, String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private JsonNode commentsOf(UUID postId) {
        return json.readTree(http.getForObject("/api/posts/" + postId + "/comments", String.class));
    }

    private String commentLink(UUID commentId) {
        return BLOG_URL + "/posts/" + post.slug() + "#comment-" + commentId;
    }

    private long rows(String table, String where, Object value) {
        return jdbc.sql("select count(*) from " + table + " where " + where).param(value).query(Long.class).single();
    }
}
