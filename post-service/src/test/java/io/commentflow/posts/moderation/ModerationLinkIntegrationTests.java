package io.commentflow.posts.moderation;

import io.commentflow.events.CommentModerated;
import io.commentflow.events.ModerationAction;
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
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.commentflow.posts.support.PostServiceIntegrationTest.BLOG_URL;
import static io.commentflow.posts.support.PostServiceIntegrationTest.MODERATION_LINKS_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@PostServiceIntegrationTest
class ModerationLinkIntegrationTests {

    /** Builds links as notification does: same secret, same format. */
    private final ModerationLinks links = new ModerationLinks(MODERATION_LINKS_SECRET, BLOG_URL, Duration.ofDays(7),
            Clock.systemUTC());

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

    private Comments comments;
    private TopicReader notifications;
    private Post post;
    private UUID pending;

    @BeforeEach
    void setUp() {
        comments = new Comments(kafka, http);
        notifications = new TopicReader(broker, Topics.REPLY_NOTIFICATION.name());
        post = TestPosts.create(catalog, "Moderated by email");
        pending = comments.publishAndAwait(ScoredComments.on(post.id()).verdict(Verdict.UNSURE).by("Lin Kerr", "lin@reader.example")
                .ip("203.0.113.99").content("Approve me from your inbox").build(), "pending");
    }

    @AfterEach
    void tearDown() {
        notifications.close();
    }

    @Test
    void aGetOnlyAsksForConfirmationAndThePostApplies() {
        String link = path(links.link(pending, "approve"));

        // when: a mail scanner (or the author) opens the link
        ResponseEntity<String> confirmation = http.getForEntity(link, String.class);

        // then: a confirmation page, nothing changed
        assertThat(confirmation.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(confirmation.getHeaders().getCacheControl()).isEqualTo("no-store");
        assertThat(confirmation.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        Document page = Jsoup.parse(confirmation.getBody());
        assertThat(page.select("h1").text()).isEqualTo("Approve this comment?");
        assertThat(page.text()).contains("Lin Kerr").contains("Approve me from your inbox").contains(post.title())
                .doesNotContain("lin@reader.example").doesNotContain("203.0.113.99");
        Element form = page.selectFirst("form#confirm");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.hasAttr("action")).as("posts back to the same signed URL").isFalse();
        assertThat(form.select("input[name=_csrf]")).isEmpty();
        assertThat(comments.status(pending)).isEqualTo("pending");
        assertThat(outboxRows(Topics.COMMENT_MODERATED.name(), post.id().toString())).isZero();

        // when: the button is pressed (a POST of the same URL, no CSRF token: the signature is the proof)
        ResponseEntity<String> done = post(link);

        // then
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(Jsoup.parse(done.getBody()).select("h1").text()).isEqualTo("Done: the comment is now approved.");
        assertThat(comments.status(pending)).isEqualTo("approved");
        assertThat(http.getForObject("/posts/" + post.slug(), String.class)).contains("Approve me from your inbox");
        try (TopicReader moderated = new TopicReader(broker, Topics.COMMENT_MODERATED.name())) {
            CommentModerated decision = (CommentModerated) TopicReader.decode(moderated.awaitKey(post.id().toString()).get(0));
            assertThat(decision.getAction()).isEqualTo(ModerationAction.APPROVE);
            assertThat(decision.getCommentId()).isEqualTo(pending);
            assertThat(decision.getModerator()).isEqualTo(ModerationLinkController.MODERATOR);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> notifications.drain().withKey(pending.toString()).size() == 2);
        assertThat(TopicReader.decode(notifications.withKey(pending.toString()).get(1)))
                .extracting(r -> ((ReplyNotification) r).getKind()).isEqualTo(NotificationKind.COMMENT_PUBLISHED);

        // when: the link is used again
        ResponseEntity<String> again = post(link);

        // then: nothing more happens
        assertThat(Jsoup.parse(again.getBody()).select("h1").text()).isEqualTo("Nothing to do: the comment is already approved.");
        assertThat(outboxRows(Topics.COMMENT_MODERATED.name(), post.id().toString())).isEqualTo(1);
    }

    @Test
    void spamAndTrashLinksWorkTheSameWay() {
        assertThat(post(path(links.link(pending, "spam"))).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(comments.status(pending)).isEqualTo("spam");

        assertThat(post(path(links.link(pending, "trash"))).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(comments.status(pending)).isEqualTo("trash");
        assertThat(outboxRows(Topics.COMMENT_MODERATED.name(), post.id().toString())).isEqualTo(2);
    }

    @Test
    void refusesTamperedAndExpiredLinksWithAForbiddenPage() {
        String good = path(links.link(pending, "approve"));
        long expires = Instant.now().plusSeconds(3600).getEpochSecond();
        String sig = links.signature(pending, "approve", expires);
        long past = Instant.now().minusSeconds(1).getEpochSecond();
        List<String> bad = List.of(
                good.replace("/approve?", "/spam?"),
                good.substring(0, good.length() - 1) + (good.endsWith("0") ? "1" : "0"),
                "/moderate/" + pending + "/approve?expires=" + (expires + 1) + "&sig=" + sig,
                "/moderate/" + UUID.randomUUID() + "/approve?expires=" + expires + "&sig=" + sig,
                "/moderate/" + pending + "/approve?expires=" + expires,
                "/moderate/" + pending + "/approve",
                "/moderate/not-a-uuid/approve?expires=" + expires + "&sig=" + sig);

        for (String link : bad) {
            ResponseEntity<String> get = http.getForEntity(link, String.class);
            ResponseEntity<String> post = post(link);
            assertThat(get.getStatusCode()).as("GET " + link).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(post.getStatusCode()).as("POST " + link).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(post.getBody()).contains("This moderation link is not valid");
        }

        String expired = path(links.link(pending, "approve", past));
        ResponseEntity<String> refused = post(expired);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).contains("This moderation link has expired");
        assertThat(http.getForEntity(expired, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(comments.status(pending)).isEqualTo("pending");
        assertThat(outboxRows(Topics.COMMENT_MODERATED.name(), post.id().toString())).isZero();
    }

    private ResponseEntity<String> post(String path) {
        return http.exchange(path, HttpMethod.POST, HttpEntity.EMPTY, String.class);
    }

    private static String path(String link) {
        assertThat(link).startsWith(BLOG_URL + "/moderate/");
        return link.substring(BLOG_URL.length());
    }

    private long outboxRows(String topic, String key) {
        return jdbc.sql("select count(*) from outbox where topic = ? and key = ?").params(topic, key).query(Long.class).single();
    }
}
