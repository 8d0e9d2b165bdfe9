package io.commentflow.spamfilter.pipeline;

import io.commentflow.events.CommentModerated;
import io.commentflow.events.CommentScored;
import io.commentflow.events.CommentSubmitted;
import io.commentflow.events.ModerationAction;
import io.commentflow.events.Verdict;
import io.commentflow.spamfilter.scoring.Comments;
import io.commentflow.schemas.Topics;
import io.commentflow.schemas.kafka.EventDeserializer;
import io.commentflow.schemas.kafka.EventSerializer;
import io.commentflow.spamfilter.akismet.FakeAkismet;
import io.commentflow.spamfilter.akismet.FakeAkismet.Reply;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static io.commentflow.spamfilter.pipeline.SpamFilterIntegrationTests.scoredTotal;
import static io.commentflow.spamfilter.scoring.Comments.comment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service with Akismet configured, against a local server speaking Akismet's protocol and a real (embedded)
 * broker: Akismet's answer in the verdict and its metric, moderators' corrections reported back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers", brokerProperties = {
        "auto.create.topics.enable=false",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1"})
@DirtiesContext
class AkismetIntegrationTests {

    private static final String KEY = "integration-k3y-5d1e";
    private static final FakeAkismet akismet = new FakeAkismet(KEY);

    private static KafkaProducer<String, byte[]> producer;
    private static SpamFilterIntegrationTests.Topic<SpecificRecord> scored;

    @LocalServerPort
    private int port;

    @Autowired
    private ConsumerFactory<?, ?> consumers;

    @DynamicPropertySource
    static void akismet(DynamicPropertyRegistry registry) {
        registry.add("commentflow.akismet.key", () -> KEY);
        registry.add("commentflow.akismet.endpoint", () -> akismet.endpoint().toString());
        registry.add("commentflow.akismet.blog", () -> "https://blog.example");
    }

    @BeforeAll
    static void connect(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        scored = new SpamFilterIntegrationTests.Topic<>(bootstrapServers, Topics.COMMENT_SCORED.name(),
                new EventDeserializer());
        // Akismet answers by who wrote the comment
        akismet.answer(request -> switch (request.form().get("comment_author")) {
            case "Blatant Bob" -> Reply.discard();
            case "Suspect Sue" -> Reply.spam();
            case "Outage Olga" -> Reply.error(500);
            default -> Reply.ham();
        });
    }

    @AfterAll
    static void disconnect() {
        producer.close();
        scored.close();
        akismet.close();
    }

    @Test
    void blatantSpamByAkismetIsSpamAndCountedAsAkismets() {
        CommentSubmitted comment = by("Blatant Bob", "I enjoyed the part about the analytical engine.");

        CommentScored verdict = scoredAfterSubmitting(comment);

        assertThat(verdict.getVerdict()).isEqualTo(Verdict.SPAM);
        assertThat(verdict.getReasons()).last().isEqualTo("akismet: blatant spam (pro-tip: discard)");
        assertThat(akismet.requests("comment-check")).anySatisfy(r -> assertThat(r.form())
                .containsEntry("comment_content", comment.getContent())
                .containsEntry("permalink", "https://blog.example/api/posts/" + comment.getPostId()));
        assertThat(prometheus()).containsPattern(scoredTotal("akismet", "spam"));
    }

    @Test
    void whenAkismetFailsTheLocalVerdictStandsAndTheReasonSaysSo() {
        CommentSubmitted comment = by("Outage Olga", "A thoughtful reply about the analytical engine.");

        CommentScored verdict = scoredAfterSubmitting(comment);

        assertThat(verdict.getVerdict()).isEqualTo(Verdict.HAM);
        assertThat(verdict.getReasons()).hasSize(2);
        assertThat(verdict.getReasons().get(0)).startsWith("classifier: ham");
        assertThat(verdict.getReasons().get(1)).isEqualTo("akismet: unavailable (HTTP 500); the local verdict stands");
        assertThat(prometheus()).containsPattern(scoredTotal("classifier", "ham"));
    }

    @Test
    void reportsAModeratorsCorrectionOfAkismetBackToIt() {
        CommentSubmitted comment = by("Suspect Sue", "Which gear ratio did Babbage choose for the mill?");
        CommentScored verdict = scoredAfterSubmitting(comment);
        assertThat(verdict.getVerdict()).as("Akismet's word alone holds the comment, it does not hide it")
                .isEqualTo(Verdict.UNSURE);

        moderate(comment, ModerationAction.NOT_SPAM);

        FakeAkismet.Request report = await().atMost(Duration.ofSeconds(30)).until(() -> akismet.requests("submit-ham")
                .stream().filter(r -> comment.getContent().equals(r.form().get("comment_content"))).toList(),
                reports -> !reports.isEmpty()).get(0);
        assertThat(report.form()).containsEntry("comment_author", "Suspect Sue")
                .containsEntry("comment_author_email", "ada@example.org")
                .containsEntry("user_ip", "203.0.113.7")
                .containsEntry("comment_date_gmt", "2024-05-01T10:15:30Z")
                .containsEntry("api_key", KEY);
    }

    private static CommentSubmitted by(String name, String content) {
        CommentSubmitted comment = comment(content).build();
        comment.getAuthor().setName(name);
        return comment;
    }

    private static CommentScored scoredAfterSubmitting(CommentSubmitted comment) {
        send(Topics.COMMENT_SUBMITTED.name(), comment.getPostId().toString(),
                new EventSerializer().serialize(Topics.COMMENT_SUBMITTED.name(), comment));
        Predicate<ConsumerRecord<String, SpecificRecord>> verdictOn = r -> r.value() instanceof CommentScored s
                && s.getComment().getCommentId().equals(comment.getCommentId());
        return (CommentScored) scored.first(verdictOn).value();
    }

    private static void moderate(CommentSubmitted comment, ModerationAction action) {
        CommentModerated moderated = Comments.moderation(comment, action);
        send(Topics.COMMENT_MODERATED.name(), comment.getPostId().toString(),
                new EventSerializer().serialize(Topics.COMMENT_MODERATED.name(), moderated));
    }

    private static void send(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void pollsAreSmallEnoughForEveryCommentToWaitOnAkismetInsideTheTransaction() {
        // without Akismet a poll holds up to 2,000 comments (application.yml); each may wait on Akismet up to its
        // timeout, 16 at a time, and the poll's transaction times out after 60 s
        assertThat(consumers.getConfigurationProperties().get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG)).isEqualTo(500);
    }

    private String prometheus() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
