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
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.commentflow.spamfilter.scoring.Comments.comment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The whole service against a real (embedded, KRaft) broker: comment-submitted in, comment-scored out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers", brokerProperties = {
        "auto.create.topics.enable=false",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1"})
class SpamFilterIntegrationTests {

    private static KafkaProducer<String, byte[]> producer;
    private static Admin admin;
    private static Topic<SpecificRecord> scored;
    private static Topic<byte[]> deadLetters;

    @LocalServerPort
    private int port;

    @BeforeAll
    static void connect(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        scored = new Topic<>(bootstrapServers, Topics.COMMENT_SCORED.name(), new EventDeserializer());
        deadLetters = new Topic<>(bootstrapServers, Topics.COMMENT_SUBMITTED.deadLetterTopic(),
                new ByteArrayDeserializer());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
        admin.close();
        scored.close();
        deadLetters.close();
    }

    @Test
    void scoresAnOrdinaryCommentHamAndCarriesTheCommentWhole() {
        CommentSubmitted comment = comment("A thoughtful reply about the analytical engine.").build();

        submit(comment);

        ConsumerRecord<String, SpecificRecord> record = scored.first(verdictOn(comment));
        assertThat(record.key()).isEqualTo(comment.getPostId().toString());
        CommentScored verdict = (CommentScored) record.value();
        assertThat(verdict.getVerdict()).isEqualTo(Verdict.HAM);
        assertThat(verdict.getScore()).isBetween(0.0, 0.2);
        assertThat(verdict.getReasons()).singleElement().asString().startsWith("classifier: ham");
        assertThat(verdict.getClassifierVersion()).isEqualTo("rules-2+nblr-1");
        assertThat(verdict.getComment()).isEqualTo(comment);
        assertThat(verdict.getEventId()).isNotNull();
        assertThat(verdict.getScoredAt()).isEqualTo(verdict.getOccurredAt()).isAfter(comment.getSubmittedAt());
    }

    @Test
    void learnsANewSpamCampaignFromModeratorsAndCatchesItsNextComment() {
        String next = "Greetings from the Velmora Beach resort family, we play this song at the beach bar every night";
        CommentSubmitted before = comment(next).build();
        submit(before);
        assertThat(((CommentScored) scored.first(verdictOn(before)).value()).getVerdict())
                .as("the campaign looks like an ordinary fan comment at first").isNotEqualTo(Verdict.SPAM);

        for (String place : List.of("at breakfast every morning", "at the pool every afternoon", "at dinner every evening")) {
            CommentSubmitted marked = comment("Greetings from the Velmora Beach resort family, we play this song "
                    + place).build();
            // each from its own throwaway address, so it is the text that must be learned, not the sender
            marked.getAuthor().setEmail(UUID.randomUUID() + "@velmora.example");
            marked.getAuthor().setIp(null);
            moderate(marked, ModerationAction.SPAM);
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            CommentSubmitted after = comment(next).build();
            submit(after);
            assertThat(((CommentScored) scored.first(verdictOn(after)).value()).getVerdict()).isEqualTo(Verdict.SPAM);
        });
    }

    @Test
    void anAuthorAModeratorMarkedAsSpammerIsSpamWhateverTheySay() {
        CommentSubmitted spammer = comment("Nice post").build();
        spammer.getAuthor().setEmail("Repeat.Offender@example.net");
        spammer.getAuthor().setIp("198.51.100.99");
        moderate(spammer, ModerationAction.SPAM);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            CommentSubmitted again = comment("A perfectly polite remark about engines.").build();
            again.getAuthor().setEmail("repeat.offender@example.net");
            submit(again);
            CommentScored verdict = (CommentScored) scored.first(verdictOn(again)).value();
            assertThat(verdict.getVerdict()).isEqualTo(Verdict.SPAM);
            assertThat(verdict.getReasons()).contains("author's email was marked as a spammer by a moderator");
        });
    }

    @Test
    void countsVerdictsByThePhaseThatDecided() {
        CommentSubmitted byRules = comment("Cheap casino chips, today only").build();
        CommentSubmitted byClassifier = comment("I enjoyed the part about the analytical engine.").build();

        submit(byRules);
        submit(byClassifier);
        scored.first(verdictOn(byRules));
        scored.first(verdictOn(byClassifier));

        String metrics = get("/actuator/prometheus");
        assertThat(metrics).containsPattern(scoredTotal("rules", "spam"));
        assertThat(metrics).containsPattern(scoredTotal("classifier", "ham"));
    }

    /** A Prometheus sample line with at least one count, e.g. {@code ..._total{phase="rules",verdict="spam"} 2.0}. */
    static Pattern scoredTotal(String phase, String verdict) {
        return Pattern.compile("(?m)^commentflow_comments_scored_total\\{[^}]*phase=\"" + phase + "\"[^}]*verdict=\""
                + verdict + "\"[^}]*} [1-9]");
    }

    private String get(String path) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void moderate(CommentSubmitted comment, ModerationAction action) {
        CommentModerated moderated = Comments.moderation(comment, action);
        producer.send(new ProducerRecord<>(Topics.COMMENT_MODERATED.name(), comment.getPostId().toString(),
                new EventSerializer().serialize(Topics.COMMENT_MODERATED.name(), moderated)));
        producer.flush();
    }

    @Test
    void givesEveryCommentOneVerdictInTheOrderEachPostsCommentsCameIn() {
        // several posts, so several partitions and both listener threads; each post's comments stay in one partition
        List<UUID> posts = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<CommentSubmitted> comments = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            CommentSubmitted comment = comment("Remark number " + i + " on the difference engine.").build();
            comment.setPostId(posts.get(i % posts.size()));
            comments.add(comment);
        }
        for (CommentSubmitted comment : comments) {
            byte[] value = new EventSerializer().serialize(Topics.COMMENT_SUBMITTED.name(), comment);
            producer.send(new ProducerRecord<>(Topics.COMMENT_SUBMITTED.name(), comment.getPostId().toString(), value));
        }
        producer.flush();
        Set<UUID> ours = comments.stream().map(CommentSubmitted::getCommentId).collect(Collectors.toSet());

        scored.first(verdictOn(comments.get(comments.size() - 1)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            scored.first(r -> true);
            assertThat(scored.seen().stream().filter(r -> ours.contains(commentIdOf(r)))).hasSize(comments.size());
        });

        for (UUID post : posts) {
            List<UUID> submitted = comments.stream().filter(c -> c.getPostId().equals(post))
                    .map(CommentSubmitted::getCommentId).toList();
            List<UUID> verdicts = scored.seen().stream().map(SpamFilterIntegrationTests::commentIdOf)
                    .filter(submitted::contains).toList();
            assertThat(verdicts).as("verdicts on post %s", post).containsExactlyElementsOf(submitted);
        }
    }

    private static UUID commentIdOf(ConsumerRecord<String, SpecificRecord> record) {
        return record.value() instanceof CommentScored s ? s.getComment().getCommentId() : null;
    }

    @Test
    void scoresACommentWithADisallowedWordSpamAndSaysWhy() {
        CommentSubmitted comment = comment("Discount Viagra, no prescription").build();

        submit(comment);

        CommentScored verdict = (CommentScored) scored.first(verdictOn(comment)).value();
        assertThat(verdict.getVerdict()).isEqualTo(Verdict.SPAM);
        assertThat(verdict.getScore()).isGreaterThan(0.9);
        assertThat(verdict.getReasons()).containsExactly("disallowed word 'viagra' in content");
    }

    @Test
    void sendsAPoisonRecordToTheDeadLetterTopicAndScoresTheNextComment() {
        CommentSubmitted comment = comment("Posted right after some garbage.").build();
        String key = comment.getPostId().toString();
        byte[] poison = ("not avro " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);

        // same key, so same partition: the good record sits behind the poison one
        producer.send(new ProducerRecord<>(Topics.COMMENT_SUBMITTED.name(), key, poison));
        RecordMetadata last = submit(comment);

        ConsumerRecord<String, byte[]> dead = deadLetters.first(r -> Arrays.equals(r.value(), poison));
        assertThat(dead.key()).isEqualTo(key);
        assertThat(header(dead, "kafka_dlt-exception-fqcn")).endsWith("DeserializationException");
        assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(Topics.COMMENT_SUBMITTED.name());

        assertThat(((CommentScored) scored.first(verdictOn(comment)).value()).getVerdict()).isEqualTo(Verdict.HAM);
        assertThat(scored.seen().stream().filter(verdictOn(comment))).hasSize(1);
        // the consumed offsets were committed too, past both records (auto-commit is off: by the transaction)
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(committedOffset(last))
                .isEqualTo(last.offset() + 1));
    }

    private static long committedOffset(RecordMetadata record) throws Exception {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        OffsetAndMetadata committed = admin.listConsumerGroupOffsets("spam-filter")
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS).get(partition);
        return committed == null ? -1 : committed.offset();
    }

    @Test
    void sendsAnEventThatIsNotACommentSubmittedToTheDeadLetterTopic() {
        CommentSubmitted comment = comment("Scored already, but on the wrong topic.").build();
        CommentScored misplaced = CommentScored.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(comment.getOccurredAt()).setComment(comment)
                .setVerdict(Verdict.HAM).setScore(0.05).setClassifierVersion("elsewhere")
                .setScoredAt(comment.getOccurredAt()).build();
        byte[] value = new EventSerializer().serialize(Topics.COMMENT_SUBMITTED.name(), misplaced);

        producer.send(new ProducerRecord<>(Topics.COMMENT_SUBMITTED.name(), comment.getPostId().toString(), value));

        ConsumerRecord<String, byte[]> dead = deadLetters.first(r -> Arrays.equals(r.value(), value));
        assertThat(header(dead, "kafka_dlt-exception-fqcn")).isEqualTo(IllegalArgumentException.class.getName());
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("found CommentScored");
        assertThat(new EventDeserializer().deserialize(dead.topic(), dead.value())).isEqualTo(misplaced);
    }

    private static RecordMetadata submit(CommentSubmitted comment) {
        byte[] value = new EventSerializer().serialize(Topics.COMMENT_SUBMITTED.name(), comment);
        try {
            return producer.send(new ProducerRecord<>(Topics.COMMENT_SUBMITTED.name(), comment.getPostId().toString(), value))
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Predicate<ConsumerRecord<String, SpecificRecord>> verdictOn(CommentSubmitted comment) {
        return r -> r.value() instanceof CommentScored s && s.getComment().getCommentId().equals(comment.getCommentId());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Everything committed on one topic, read as downstream consumers read it (read_committed). */
    static final class Topic<V> implements AutoCloseable {

        private final KafkaConsumer<String, V> consumer;
        private final List<ConsumerRecord<String, V>> seen = new ArrayList<>();

        Topic(String bootstrapServers, String name, Deserializer<V> values) {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), values);
            List<TopicPartition> partitions = consumer.partitionsFor(name, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        ConsumerRecord<String, V> first(Predicate<ConsumerRecord<String, V>> wanted) {
            return await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
                return seen.stream().filter(wanted).findFirst().orElse(null);
            }, Objects::nonNull);
        }

        List<ConsumerRecord<String, V>> seen() {
            return seen;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
