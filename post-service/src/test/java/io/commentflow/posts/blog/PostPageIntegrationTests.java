package io.commentflow.posts.blog;

import io.commentflow.events.Verdict;
import io.commentflow.posts.comment.CommentImporter;
import io.commentflow.posts.comment.ImportedComment;
import io.commentflow.posts.comment.PendingCommentTokens;
import io.commentflow.posts.post.Post;
import io.commentflow.posts.post.PostCatalog;
import io.commentflow.posts.support.Comments;
import io.commentflow.posts.support.Http;
import io.commentflow.posts.support.PostServiceIntegrationTest;
import io.commentflow.posts.support.ScoredComments;
import io.commentflow.posts.support.TestPosts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

import static io.commentflow.posts.support.PostServiceIntegrationTest.PENDING_TOKEN_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

@PostServiceIntegrationTest
class PostPageIntegrationTests {

    private static final String EMAIL = "pending.private@reader.example";

    /** Builds tokens as comment-intake does: same secret, same format. */
    private final PendingCommentTokens tokens = new PendingCommentTokens(PENDING_TOKEN_SECRET, Clock.systemUTC());

    @Autowired
    Http http;
    @Autowired
    PostCatalog catalog;
    @Autowired
    CommentImporter importer;
    @Autowired
    KafkaTemplate<String, Object> kafka;

    private Comments comments;
    private Post post;

    @BeforeEach
    void setUp() {
        comments = new Comments(kafka, http);
        post = TestPosts.create(catalog, "Awaiting moderation");
    }

    @Test
    void showsTheReadersPendingCommentInItsPlaceOnlyToTheTokenHolder() {
        // given: a published comment and a held reply to it
        UUID parent = comments.publishAndAwait(ScoredComments.on(post.id()).by("Pat Parent", "pat@reader.example")
                .content("The first word").build(), "approved");
        UUID pending = comments.publishAndAwait(ScoredComments.on(post.id()).replyTo(parent).verdict(Verdict.UNSURE)
                .by("Pen Ding", EMAIL).content("My reply, still held").build(), "pending");
        String token = tokens.token(pending, Instant.now().plusSeconds(600).getEpochSecond());

        // when: the reader comes back from intake's redirect
        ResponseEntity<String> withToken = http.getForEntity(pageWith(pending, token), String.class);

        // then: the reply is shown under its parent, marked, and not counted
        assertThat(withToken.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(withToken.getHeaders().getCacheControl()).isEqualTo("private, no-store");
        Document page = Jsoup.parse(withToken.getBody());
        Element held = page.selectFirst("li#comment-" + pending);
        assertThat(held).isNotNull();
        assertThat(held.parent().parent().id()).as("nested under its parent").isEqualTo("comment-" + parent);
        assertThat(held.select(".comment-awaiting-moderation").text()).isEqualTo("Your comment is awaiting moderation.");
        assertThat(held.select(".comment-content").text()).isEqualTo("My reply, still held");
        assertThat(held.select(".comment-reply-link")).as("no replies to a held comment").isEmpty();
        assertThat(page.select(".comments-title").text()).isEqualTo("One thought on “" + post.title() + "”");
        assertThat(withToken.getBody()).doesNotContain(EMAIL);

        // and: nobody else sees it
        for (String path : new String[]{
                "/posts/" + post.slug(),
                "/posts/" + post.slug() + "?unapproved=" + pending,
                pageWith(pending, token.substring(0, token.length() - 1) + (token.endsWith("0") ? "1" : "0")),
                pageWith(pending, tokens.token(pending, Instant.now().minusSeconds(1).getEpochSecond())),
                pageWith(UUID.randomUUID(), token),
                "/posts/" + TestPosts.create(catalog, "Another post").slug() + "?unapproved=" + pending + "&moderation-hash=" + token}) {
            String other = http.getForObject(path, String.class);
            assertThat(other).as(path).doesNotContain("My reply, still held").doesNotContain("awaiting moderation");
        }
    }

    @Test
    void neverShowsSpamOrTrashEvenWithAValidToken() {
        UUID spam = comments.publishAndAwait(ScoredComments.on(post.id()).verdict(Verdict.SPAM).content("Buy pills").build(), "spam");
        String token = tokens.token(spam, Instant.now().plusSeconds(600).getEpochSecond());

        String page = http.getForObject(pageWith(spam, token), String.class);

        assertThat(page).doesNotContain("Buy pills").doesNotContain("awaiting moderation").doesNotContain(spam.toString());
    }

    @Test
    void rendersTheReplyFormWithWhatIntakeChecks() {
        long before = System.currentTimeMillis();
        Document page = Jsoup.parse(http.getForObject("/posts/" + post.slug(), String.class));
        long after = System.currentTimeMillis();

        Element form = page.selectFirst("form#respond");
        assertThat(form.attr("action")).isEqualTo("http://intake.test/wp-comments-post.php");
        Element honeypot = form.selectFirst("input[name=comment_website_confirm]");
        assertThat(honeypot.attr("tabindex")).isEqualTo("-1");
        assertThat(honeypot.attr("autocomplete")).isEqualTo("off");
        assertThat(honeypot.val()).isEmpty();
        assertThat(honeypot.parent().className()).isEqualTo("comment-form-website-confirm");
        assertThat(honeypot.parent().attr("aria-hidden")).isEqualTo("true");
        assertThat(http.getForObject("/blog.css", String.class)).contains(".comment-form-website-confirm { position: absolute !important; left: -10000px;");
        long startedAt = Long.parseLong(form.selectFirst("input[name=form_started_at]").val());
        assertThat(startedAt).isBetween(before, after);
        String nonce = form.selectFirst("input[name=comment_nonce]").val();
        assertThat(UUID.fromString(nonce).toString()).isEqualTo(nonce);
        String nextNonce = Jsoup.parse(http.getForObject("/posts/" + post.slug(), String.class))
                .selectFirst("input[name=comment_nonce]").val();
        assertThat(nextNonce).isNotEqualTo(nonce);
        assertThat(form.select("input[name=_csrf]")).as("the form goes to intake: no token of ours").isEmpty();
    }

    @Test
    void paginatesTopLevelThreadsAndCountsAllThoughts() {
        // given: 52 top-level comments, the last with a reply
        Instant start = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        UUID last = null;
        for (int i = 1; i <= 52; i++) {
            last = UUID.randomUUID();
            importer.importApproved(new ImportedComment(last, post.id(), null, "Reader " + i, "r" + i + "@reader.example",
                    null, "Comment number " + i, start.plusSeconds(i)));
        }
        UUID reply = UUID.randomUUID();
        importer.importApproved(new ImportedComment(reply, post.id(), last, "Replier", "rep@reader.example", null,
                "A reply on page two", start.plusSeconds(100)));

        // when
        Document first = Jsoup.parse(http.getForObject("/posts/" + post.slug(), String.class));
        Document second = Jsoup.parse(http.getForObject("/posts/" + post.slug() + "?cpage=2", String.class));

        // then
        assertThat(first.select(".comments-title").text()).isEqualTo("53 thoughts on “" + post.title() + "”");
        assertThat(first.select("ol.comment-list > li")).hasSize(50);
        assertThat(first.select("ol.comment-list > li").first().text()).contains("Comment number 1");
        assertThat(first.select(".comment-navigation a").eachAttr("href")).containsExactly("?cpage=2#comments", "?cpage=2#comments");
        assertThat(second.select("ol.comment-list > li")).hasSize(2);
        assertThat(second.select("ol.comment-list > li").last().text()).contains("Comment number 52").contains("A reply on page two");
        assertThat(second.select(".comment-navigation .current").text()).isEqualTo("2");
        // the Reply link's target opens the page that holds the comment
        assertThat(http.getForObject("/posts/" + post.slug() + "?replytocom=" + last, String.class)).contains("Comment number 52");
    }

    @Test
    void showsAvatarsThatRevealNothingOfTheEmail() throws Exception {
        String email = "avatar.private@reader.example";
        comments.publishAndAwait(ScoredComments.on(post.id()).by("Ava Tar", email).build(), "approved");

        String html = http.getForObject("/posts/" + post.slug(), String.class);
        Element avatar = Jsoup.parse(html).selectFirst(".comment .avatar");

        assertThat(avatar.text()).isEqualTo("AT");
        assertThat(html).doesNotContain(email).doesNotContain("gravatar")
                .doesNotContain(hex("MD5", email)).doesNotContain(hex("SHA-256", email));
    }

    private String pageWith(UUID commentId, String token) {
        return "/posts/" + post.slug() + "?unapproved=" + commentId + "&moderation-hash=" + token;
    }

    private static String hex(String algorithm, String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
