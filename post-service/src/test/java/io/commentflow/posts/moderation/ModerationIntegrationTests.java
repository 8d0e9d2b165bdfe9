package io.commentflow.posts.moderation;

import io.commentflow.events.CommentModerated;
import io.commentflow.events.CommentScored;
import io.commentflow.events.ModerationAction;
import io.commentflow.events.NotificationKind;
import io.commentflow.events.ReplyNotification;
import io.commentflow.events.Verdict;
import io.commentflow.posts.post.Post;
import io.commentflow.posts.post.PostCatalog;
import io.commentflow.posts.support.Browser;
import io.commentflow.posts.support.Comments;
import io.commentflow.posts.support.Http;
import io.commentflow.posts.support.PostServiceIntegrationTest;
import io.commentflow.posts.support.ScoredComments;
import io.commentflow.posts.support.TestPosts;
import io.commentflow.posts.support.TopicReader;
import io.commentflow.schemas.Topics;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.commentflow.posts.support.PostServiceIntegrationTest.ADMIN_USERNAME;
import static io.commentflow.posts.support.PostServiceIntegrationTest.BLOG_URL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@PostServiceIntegrationTest
class ModerationIntegrationTests {

    private static final String EMAIL = "mod.private@reader.example";
    private static final String IP = "198.51.100.77";

    @Autowired
    Environment environment;
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
    @Autowired
    SpamPurge spamPurge;

    private Comments comments;
    private Browser moderator;
    private TopicReader notifications;
    private TopicReader moderated;
    private Post post;

    @BeforeEach
    void setUp() {
        comments = new Comments(kafka, http);
        moderator = new Browser(environment);
        moderator.logInAsAdmin();
        notifications = new TopicReader(broker, Topics.REPLY_NOTIFICATION.name());
        moderated = new TopicReader(broker, Topics.COMMENT_MODERATED.name());
        post = TestPosts.create(catalog, "Moderated thoughts");
    }

    @AfterEach
    void tearDown() {
        notifications.close();
        moderated.close();
    }

    @Test
    void approvingFromTheQueuePublishesTheCommentAndTellsEveryone() {
        // given: a comment spam-filter was unsure about waits in the queue
        CommentScored unsure = ScoredComments.on(post.id()).verdict(Verdict.UNSURE).by("Una Sure", EMAIL).ip(IP)
                .url("https://una.example").content("Is this welcome?\n\nI hope so.").notifyFollowups().build();
        UUID id = comments.publishAndAwait(unsure, "pending");
        notifications.awaitKey(id.toString());

        Document queue = moderator.get("/admin/comments").document();
        Element row = queue.selectFirst("tr#comment-" + id);
        assertThat(row).as("the comment is in the queue").isNotNull();
        assertThat(row.select(".author-name").text()).isEqualTo("Una Sure");
        assertThat(row.select(".author-email").text()).as("admins see the email").isEqualTo(EMAIL);
        assertThat(row.select(".verdict").text()).isEqualTo("UNSURE");
        assertThat(row.select(".score").text()).isEqualTo("0.50");
        assertThat(row.select(".reasons").text()).isEqualTo("test");
        assertThat(row.select(".comment-content").text()).contains("Is this welcome?").contains("I hope so.");
        assertThat(row.text()).doesNotContain(IP);

        // when: the moderator presses Approve on its row
        Browser.Response response = click(queue, row, "approve");

        // then: back to the queue with a message, the comment is public
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.redirectPath()).isEqualTo("/admin/comments?status=pending&page=1");
        Document after = moderator.get(response.redirectPath()).document();
        assertThat(after.select(".admin-message").text()).isEqualTo("Approve: 1 changed.");
        assertThat(after.select("tr#comment-" + id)).isEmpty();
        assertThat(comments.status(id)).isEqualTo("approved");
        String page = http.getForObject("/posts/" + post.slug(), String.class);
        assertThat(page).contains("id=\"comment-" + id + "\"").contains("Is this welcome?").contains("One thought on")
                .doesNotContain(EMAIL).doesNotContain(IP);

        // and: the decision is announced, keyed by post id, with what spam-filter needs to learn from it
        CommentModerated decision = decisions(post.id()).get(0);
        assertThat(decision.getCommentId()).isEqualTo(id);
        assertThat(decision.getPostId()).isEqualTo(post.id());
        assertThat(decision.getAction()).isEqualTo(ModerationAction.APPROVE);
        assertThat(decision.getContent()).isEqualTo("Is this welcome?\n\nI hope so.");
        assertThat(decision.getAuthor().getName()).isEqualTo("Una Sure");
        assertThat(decision.getAuthor().getEmail()).isEqualTo(EMAIL);
        assertThat(decision.getAuthor().getUrl()).isEqualTo("https://una.example");
        assertThat(decision.getAuthor().getIp()).isEqualTo(IP);
        assertThat(decision.getAuthor().getUserAgent()).isEqualTo("Mozilla/5.0 (test)");
        assertThat(decision.getModerator()).isEqualTo(ADMIN_USERNAME);
        assertThat(decision.getModeratedAt()).isNotNull();

        // and: now that it is published, notification hears about it (after the earlier moderation request)
        await().atMost(Duration.ofSeconds(30)).until(() -> notifications.drain().withKey(id.toString()).size() == 2);
        List<ReplyNotification> told = notifications.withKey(id.toString()).stream()
                .map(r -> (ReplyNotification) TopicReader.decode(r)).toList();
        assertThat(told).extracting(ReplyNotification::getKind)
                .containsExactly(NotificationKind.MODERATION_REQUESTED, NotificationKind.COMMENT_PUBLISHED);
        ReplyNotification published = told.get(1);
        assertThat(published.getCommentLink()).isEqualTo(BLOG_URL + "/posts/" + post.slug() + "#comment-" + id);
        assertThat(published.getCommentAuthor().getEmail()).isEqualTo(EMAIL);
        assertThat(published.getNotifyFollowups()).isTrue();
        assertThat(published.getPost().getAuthor().getEmail()).isEqualTo(TestPosts.AUTHOR_EMAIL);
    }

    @Test
    void approvingAReplyTellsTheParentsAuthor() {
        UUID parent = comments.publishAndAwait(ScoredComments.on(post.id()).by("Pat Parent", "pat@reader.example")
                .notifyFollowups().build(), "approved");
        UUID reply = comments.publishAndAwait(ScoredComments.on(post.id()).replyTo(parent).verdict(Verdict.UNSURE).build(), "pending");

        click(moderator.get("/admin/comments").document(), reply, "approve");

        await().atMost(Duration.ofSeconds(30)).until(() -> notifications.drain().withKey(reply.toString()).size() == 2);
        ReplyNotification published = (ReplyNotification) TopicReader.decode(notifications.withKey(reply.toString()).get(1));
        assertThat(published.getKind()).isEqualTo(NotificationKind.COMMENT_PUBLISHED);
        assertThat(published.getParent().getCommentId()).isEqualTo(parent);
        assertThat(published.getParent().getAuthor().getEmail()).isEqualTo("pat@reader.example");
    }

    @Test
    void markingAPublishedCommentAsSpamHidesItAndTeachesTheFilter() {
        // given
        UUID id = comments.publishAndAwait(ScoredComments.on(post.id()).by("Sly Seller", EMAIL).ip(IP)
                .content("Great post! Visit my shop").build(), "approved");
        notifications.awaitKey(id.toString());

        // when
        click(moderator.get("/admin/comments?status=approved").document(), id, "spam");

        // then
        assertThat(comments.status(id)).isEqualTo("spam");
        assertThat(http.getForObject("/posts/" + post.slug(), String.class)).doesNotContain(id.toString()).doesNotContain("Visit my shop");
        CommentModerated decision = decisions(post.id()).get(0);
        assertThat(decision.getAction()).isEqualTo(ModerationAction.SPAM);
        assertThat(decision.getContent()).isEqualTo("Great post! Visit my shop");
        assertThat(decision.getAuthor().getIp()).isEqualTo(IP);
        Element row = moderator.get("/admin/comments?status=spam").document().selectFirst("tr#comment-" + id);
        assertThat(row).isNotNull();
        assertThat(row.select("button").eachText()).containsExactly("Not spam", "Trash");

        // when: it was a mistake
        click(moderator.get("/admin/comments?status=spam").document(), id, "not-spam");

        // then: published again, announced as not spam, and nobody is told about the publication a second time
        assertThat(comments.status(id)).isEqualTo("approved");
        assertThat(decisions(post.id())).extracting(CommentModerated::getAction)
                .containsExactly(ModerationAction.SPAM, ModerationAction.NOT_SPAM);
        assertThat(jdbc.sql("select count(*) from outbox where topic = ? and key = ?")
                .params(Topics.REPLY_NOTIFICATION.name(), id.toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void bulkActionModeratesEverySelectedCommentAndNothingElse() {
        // given
        UUID first = comments.publishAndAwait(ScoredComments.on(post.id()).verdict(Verdict.UNSURE).content("first").build(), "pending");
        UUID second = comments.publishAndAwait(ScoredComments.on(post.id()).verdict(Verdict.UNSURE).content("second").build(), "pending");
        UUID third = comments.publishAndAwait(ScoredComments.on(post.id()).verdict(Verdict.UNSURE).content("third").build(), "pending");
        Document queue = moderator.get("/admin/comments").document();
        assertThat(queue.select("#bulk-action option").eachAttr("value")).containsExactly("", "approve", "spam", "trash");

        // when
        Browser.Response response = moderator.submit(queue.selectFirst("form#moderation"), null, List.of(
                Map.entry("action", "approve"), Map.entry("ids", first.toString()), Map.entry("ids", second.toString())));

        // then
        assertThat(moderator.get(response.redirectPath()).document().select(".admin-message").text()).isEqualTo("Approve: 2 changed.");
        assertThat(comments.status(first)).isEqualTo("approved");
        assertThat(comments.status(second)).isEqualTo("approved");
        assertThat(comments.status(third)).isEqualTo("pending");
        assertThat(decisions(post.id())).extracting(CommentModerated::getCommentId).containsExactlyInAnyOrder(first, second);
        assertThat(http.getForObject("/posts/" + post.slug(), String.class)).contains("2 thoughts on");

        // when: the bulk trash includes a comment that is already in the trash
        click(moderator.get("/admin/comments").document(), third, "trash");
        Browser.Response trash = moderator.submit(moderator.get("/admin/comments?status=approved").document().selectFirst("form#moderation"),
                "/admin/comments/bulk", List.of(Map.entry("action", "trash"), Map.entry("ids", first.toString()),
                        Map.entry("ids", third.toString())));

        // then
        assertThat(moderator.get(trash.redirectPath()).document().select(".admin-message").text())
                .isEqualTo("Trash: 1 changed, 1 already so.");
        assertThat(comments.status(first)).isEqualTo("trash");
    }

    @Test
    void restoresATrashedCommentToWhereItWas() {
        // given: a pending comment goes to the trash
        UUID id = comments.publishAndAwait(ScoredComments.on(post.id()).verdict(Verdict.UNSURE).build(), "pending");
        click(moderator.get("/admin/comments").document(), id, "trash");
        assertThat(comments.status(id)).isEqualTo("trash");
        Document trash = moderator.get("/admin/comments?status=trash").document();
        assertThat(trash.select("tr#comment-" + id + " button").eachText()).containsExactly("Restore", "Spam");

        // when
        click(trash, id, "restore");

        // then: back in the queue
        assertThat(comments.status(id)).isEqualTo("pending");
        assertThat(moderator.get("/admin/comments").document().select("tr#comment-" + id)).hasSize(1);
        assertThat(decisions(post.id())).extracting(CommentModerated::getAction)
                .containsExactly(ModerationAction.TRASH, ModerationAction.NOT_SPAM);
    }

    @Test
    void refusesActionsThatDoNotApplyAndReportsThem() {
        UUID id = comments.publishAndAwait(ScoredComments.on(post.id()).verdict(Verdict.UNSURE).build(), "pending");
        Document queue = moderator.get("/admin/comments").document();

        Browser.Response response = moderator.submit(queue.selectFirst("form#moderation"), "/admin/comments/" + id + "/restore", List.of());

        assertThat(moderator.get(response.redirectPath()).document().select(".admin-message").text())
                .isEqualTo("Restore: 0 changed, 1 refused (only a comment in the trash can be restored).");
        assertThat(comments.status(id)).isEqualTo("pending");
        assertThat(decisions(post.id())).isEmpty();
    }

    @Test
    void purgesSpamOlderThanTheRetentionPeriod() {
        // given: one spam comment from 16 days ago, one from today
        UUID old = comments.publishAndAwait(ScoredComments.on(post.id()).verdict(Verdict.SPAM).build(), "spam");
        UUID recent = comments.publishAndAwait(ScoredComments.on(post.id()).verdict(Verdict.SPAM).build(), "spam");
        jdbc.sql("update comments set status_changed_at = now() - interval '16 days' where id = ?").param(old).update();

        // when
        int purged = spamPurge.purge();

        // then
        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(comments.status(old)).isNull();
        assertThat(comments.status(recent)).isEqualTo("spam");
    }

    /** Presses the row's button for the action, as the moderator would. */
    private Browser.Response click(Document list, UUID commentId, String action) {
        return click(list, list.selectFirst("tr#comment-" + commentId), action);
    }

    private Browser.Response click(Document list, Element row, String action) {
        assertThat(row).as("row of the comment").isNotNull();
        Element button = row.selectFirst("button.action-" + action);
        assertThat(button).as(action + " button").isNotNull();
        Browser.Response response = moderator.submit(list.selectFirst("form#moderation"), button.attr("formaction"), List.of());
        assertThat(response.status()).isEqualTo(302);
        return response;
    }

    /** The CommentModerated events of the post, oldest first, once the relay has sent them. */
    private List<CommentModerated> decisions(UUID postId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Long unsent = jdbc.sql("select count(*) from outbox where topic = ? and key = ? and published_at is null")
                    .params(Topics.COMMENT_MODERATED.name(), postId.toString()).query(Long.class).single();
            return unsent == 0;
        });
        return moderated.drain().withKey(postId.toString()).stream()
                .map(record -> (CommentModerated) TopicReader.decode(record))
                .toList();
    }
}
