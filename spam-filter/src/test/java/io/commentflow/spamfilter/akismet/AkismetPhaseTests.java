package io.commentflow.spamfilter.akismet;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.commentflow.events.CommentSubmitted;
import io.commentflow.events.Verdict;
import io.commentflow.spamfilter.akismet.FakeAkismet.Reply;
import io.commentflow.spamfilter.scoring.CommentScoring;
import io.commentflow.spamfilter.scoring.Decision;
import io.commentflow.spamfilter.scoring.Finding;
import io.commentflow.spamfilter.scoring.SpamRules;
import org.junit.jupiter.api.AfterEach;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.commentflow.spamfilter.akismet.Akismet.KEY;
import static io.commentflow.spamfilter.scoring.Comments.comment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The Akismet phase against a local server speaking Akismet's protocol, including slow and failing answers. */
@ExtendWith(OutputCaptureExtension.class)
class AkismetPhaseTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final FakeAkismet akismet = new FakeAkismet(KEY);
    private final List<AutoCloseable> clients = new ArrayList<>();
    private final RecentComments recent = new RecentComments(100);
    private final SpamRules rules = new SpamRules(SpamRules.DEFAULT_DISALLOWED_WORDS, List.of("crypto"), 2);

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
        akismet.close();
    }

    @Test
    void sendsTheCommentToCommentCheckWithAkismetsFields() {
        CommentSubmitted reply = comment("<p>Lovely engine</p>").setParentId(UUID.randomUUID())
                .setReferrer("https://blog.example/posts/engines").setHoneypot(null).build();

        phase(KEY).examine(reply);

        FakeAkismet.Request request = akismet.requests("comment-check").get(0);
        assertThat(request.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(request.form()).containsOnly(
                entry("api_key", KEY),
                entry("blog", "https://blog.example"),
                entry("user_ip", "203.0.113.7"),
                entry("user_agent", "Mozilla/5.0"),
                entry("referrer", "https://blog.example/posts/engines"),
                entry("permalink", "https://blog.example/posts/" + reply.getPostId()),
                entry("comment_type", "reply"),
                entry("comment_author", "Ada Lovelace"),
                entry("comment_author_email", "ada@example.org"),
                entry("comment_author_url", "https://ada.example.org"),
                entry("comment_content", "<p>Lovely engine</p>"),
                entry("comment_date_gmt", "2024-05-01T10:15:30Z"),
                entry("blog_lang", "en"),
                entry("blog_charset", "UTF-8"),
                entry("honeypot_field_name", "comment_website_confirm"),
                entry("comment_website_confirm", ""));
        phase(KEY).examine(comment("top level").build());
        assertThat(akismet.requests("comment-check").get(1).form()).containsEntry("comment_type", "comment");
    }

    @Test
    void blatantSpamIsSpam() {
        akismet.answer(request -> Reply.discard());

        Decision decision = scoring(KEY).score(comment("What a lovely engine.").build());

        assertThat(decision.verdict()).isEqualTo(Verdict.SPAM);
        assertThat(decision.phase()).isEqualTo("akismet");
        assertThat(decision.reasons()).containsExactly("akismet: blatant spam (pro-tip: discard)");
    }

    @Test
    void akismetsSpamAloneHoldsTheCommentForAModeratorRatherThanHidingIt() {
        akismet.answer(request -> Reply.spam());
        CommentSubmitted comment = comment("What a lovely engine.").build();

        Decision decision = scoring(KEY).score(comment);

        assertThat(decision.verdict()).isEqualTo(Verdict.UNSURE);
        assertThat(decision.phase()).isEqualTo("akismet");
        assertThat(decision.reasons()).containsExactly("akismet: spam; held for a moderator, as nothing else found fault");
        assertThat(recent.get(comment.getCommentId().toString())).hasValueSatisfying(c -> assertThat(c.spam()).isTrue());
    }

    @Test
    void akismetsSpamConfirmingLocalDoubtsIsSpam() {
        akismet.answer(request -> Reply.spam());

        Decision decision = scoring(KEY).score(comment("crypto tips for everyone").build());

        assertThat(decision.verdict()).isEqualTo(Verdict.SPAM);
        assertThat(decision.phase()).isEqualTo("akismet");
        assertThat(decision.reasons()).containsExactly("moderation word 'crypto' in content",
                "akismet: spam, confirming the doubts above");
    }

    @Test
    void akismetsHamPassesACleanCommentButNeverClearsWhatTheLocalPhasesHeld() {
        akismet.answer(request -> Reply.ham());

        Decision clean = scoring(KEY).score(comment("What a lovely engine.").build());
        Decision doubtful = scoring(KEY).score(comment("crypto tips for everyone").build());

        assertThat(clean.verdict()).isEqualTo(Verdict.HAM);
        assertThat(clean.phase()).isEqualTo("akismet");
        assertThat(clean.reasons()).containsExactly("akismet: not spam");
        assertThat(doubtful.verdict()).isEqualTo(Verdict.UNSURE);
        assertThat(doubtful.phase()).isEqualTo("rules");
        assertThat(doubtful.reasons()).containsExactly("moderation word 'crypto' in content", "akismet: not spam");
    }

    @Test
    void isNotAskedAboutWhatTheLocalPhasesAlreadyCallSpam() {
        Decision decision = scoring(KEY).score(comment("cheap viagra").build());

        assertThat(decision.verdict()).isEqualTo(Verdict.SPAM);
        assertThat(decision.phase()).isEqualTo("rules");
        assertThat(akismet.requests("comment-check")).isEmpty();
    }

    @Test
    void anInvalidAnswerLeavesTheLocalVerdictAndSaysWhy() {
        Decision decision = scoring("not-the-key").score(comment("crypto tips for everyone").build());

        assertThat(decision.verdict()).isEqualTo(Verdict.UNSURE);
        assertThat(decision.phase()).isEqualTo("rules");
        assertThat(decision.reasons()).containsExactly("moderation word 'crypto' in content",
                "akismet: answered invalid (Invalid API key. Check your key at https://akismet.com/account/); "
                        + "the local verdict stands");
    }

    @Test
    void aSlowAkismetDoesNotHoldTheCommentPastTheTimeout() {
        akismet.answer(request -> request.form().get("comment_content").startsWith("warm-up")
                ? Reply.ham() : Reply.spam().after(Duration.ofSeconds(15)));
        CommentScoring scoring = scoring(KEY);
        scoring.score(comment("warm-up: the client's first call starts it").build());

        long start = System.nanoTime();
        Decision decision = scoring.score(comment("What a lovely engine.").build());
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertThat(decision.verdict()).isEqualTo(Verdict.HAM);
        assertThat(decision.reasons()).containsExactly("akismet: unavailable (no answer within 2000 ms); "
                + "the local verdict stands");
        assertThat(decision.phase()).isEqualTo("rules"); // Akismet did not judge
        assertThat(waited).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void anHttpErrorOrNoServerAtAllLeavesTheLocalVerdict() throws IOException {
        akismet.answer(request -> Reply.error(500));

        List<Finding> failing = phase(KEY).examine(comment("What a lovely engine.").build());
        List<Finding> refused = phase(refusingEndpoint(), KEY).examine(comment("What a lovely engine.").build());

        assertThat(failing).containsExactly(Finding.remark("akismet: unavailable (HTTP 500); the local verdict stands"));
        assertThat(refused).containsExactly(
                Finding.remark("akismet: unavailable (connection refused); the local verdict stands"));
    }

    @Test
    void stopsAskingAfterRepeatedFailuresUntilTheBreakerLetsItTryAgain() {
        akismet.answer(request -> Reply.error(503));
        AkismetPhase phase = phase(KEY);
        for (int i = 0; i < 5; i++) {
            phase.examine(comment("attempt " + i).build());
        }

        List<Finding> afterwards = phase.examine(comment("What a lovely engine.").build());

        assertThat(akismet.requests("comment-check")).hasSize(5);
        assertThat(afterwards).containsExactly(Finding.remark("akismet: unavailable (circuit breaker open after "
                + "repeated failures); the local verdict stands"));
    }

    @Test
    void countsChecksByOutcomeAndShowsWhenTheBreakerIsOpen() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        AkismetProperties properties = Akismet.properties(akismet.endpoint(), KEY, TIMEOUT);
        AkismetPhase phase = Akismet.phase(client(properties), properties, recent, meters);
        akismet.answer(request -> Reply.spam());
        phase.examine(comment("cheap watches").build());
        akismet.answer(request -> Reply.ham());
        phase.examine(comment("What a lovely engine.").build());
        phase.examine(comment("Thanks for the write-up.").build());
        assertThat(meters.get("commentflow.akismet.circuit.open").gauge().value()).isZero();

        akismet.answer(request -> Reply.error(503));
        for (int i = 0; i < 5; i++) {
            phase.examine(comment("attempt " + i).build());
        }
        phase.examine(comment("after the breaker opened").build());

        assertThat(meters.get("commentflow.akismet.checks").tag("outcome", "spam").timer().count()).isEqualTo(1);
        assertThat(meters.get("commentflow.akismet.checks").tag("outcome", "ham").timer().count()).isEqualTo(2);
        // the breaker opens at half of the calls failed (3 of 6); the comments after it are not sent to Akismet
        assertThat(meters.get("commentflow.akismet.checks").tag("outcome", "unavailable").timer().count())
                .isEqualTo(3);
        assertThat(meters.get("commentflow.akismet.checks").tag("outcome", "not_asked").timer().count())
                .isEqualTo(3);
        assertThat(meters.get("commentflow.akismet.circuit.open").gauge().value()).isEqualTo(1);
    }

    @Test
    void neverLogsTheKeyNorTheAuthorsEmailOrAddress(CapturedOutput output) {
        Map<String, Level> levels = Map.of("io.commentflow", Level.TRACE, "io.micronaut", Level.TRACE);
        Map<String, Level> before = new java.util.HashMap<>();
        levels.forEach((name, level) -> {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            before.put(name, logger.getLevel());
            logger.setLevel(level);
        });
        try {
            AkismetProperties properties = Akismet.properties(akismet.endpoint(), KEY, Duration.ofMillis(500));
            AkismetClient client = client(properties);
            client.verifyKey();
            AkismetPhase phase = Akismet.phase(client, properties, recent);
            CommentSubmitted comment = comment("What a lovely engine.").build();
            List<Reply> replies = List.of(Reply.spam(), Reply.invalid("Empty \"user_ip\" value"), Reply.error(500),
                    Reply.ham().after(Duration.ofSeconds(3)));
            for (Reply reply : replies) {
                akismet.answer(request -> reply);
                phase.examine(comment);
            }
            client.submit(true, new AkismetFields(properties).of(comment));

            assertThat(output).contains(comment.getCommentId().toString()).contains("Akismet enabled")
                    .doesNotContain(KEY).doesNotContain("ada@example.org").doesNotContain("203.0.113.7");
        } finally {
            before.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
        }
    }

    private CommentScoring scoring(String key) {
        return new CommentScoring(List.of(rules, phase(key)), "test");
    }

    private AkismetPhase phase(String key) {
        return phase(akismet.endpoint(), key);
    }

    private AkismetPhase phase(URI endpoint, String key) {
        AkismetProperties properties = Akismet.properties(endpoint, key, TIMEOUT);
        return Akismet.phase(client(properties), properties, recent);
    }

    private AkismetClient client(AkismetProperties properties) {
        AkismetClient client = new AkismetClient(properties);
        clients.add(client);
        return client;
    }

    private static URI refusingEndpoint() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }
}
