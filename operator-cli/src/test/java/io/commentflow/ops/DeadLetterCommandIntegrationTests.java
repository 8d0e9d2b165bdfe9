package io.commentflow.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.commentflow.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterCommandIntegrationTests {

    private static final String SOURCE = Topics.COMMENT_SUBMITTED.name();
    private static final String DLT = Topics.COMMENT_SUBMITTED.deadLetterTopic();
    private static final UUID POST = UUID.randomUUID();
    private static final UUID COMMENT = UUID.randomUUID();
    private static final byte[] POISON = {1, 2, 3};

    private static TestBroker kafka;
    private static ConsumerRecord<byte[], byte[]> failedComment;
    private static ConsumerRecord<byte[], byte[]> failedPoison;

    /** Records on comment-submitted that a listener failed on, dead-lettered by Spring Kafka as the services do. */
    @BeforeAll
    static void startBrokerWithDeadLetters() {
        kafka = new TestBroker();
        RecordMetadata comment = kafka.send(SOURCE, 1, POST.toString(), Events.commentSubmitted(POST, COMMENT));
        kafka.sendRaw(SOURCE, 2, POST.toString().getBytes(StandardCharsets.UTF_8), POISON,
                List.<Header>of(new RecordHeader("traceparent", "00-abc-01".getBytes(StandardCharsets.UTF_8))));
        List<ConsumerRecord<byte[], byte[]>> source = kafka.read(SOURCE, Map.of());
        failedComment = source.stream().filter(r -> r.partition() == 1 && r.offset() == comment.offset()).findFirst().orElseThrow();
        failedPoison = source.stream().filter(r -> r.partition() == 2).findFirst().orElseThrow();

        KafkaTemplate<byte[], byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                Map.of("bootstrap.servers", kafka.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer()));
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(record.topic() + "-dlt", record.partition()));
        recoverer.accept(failedComment, new ListenerExecutionFailedException("listener failed",
                new IllegalStateException("post " + POST + " is closed")));
        recoverer.accept(failedPoison, new DeserializationException("failed to deserialize", POISON, false,
                new SerializationException("not an Avro single-object encoded record on " + SOURCE)));
        template.destroy();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void listsDeadLetteredRecordsWithTheirDecodedErrorHeaders() {
        Cli cli = Cli.run("--bootstrap-server", kafka.bootstrapServers(), "dlt", SOURCE);

        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        List<JsonNode> records = cli.json();
        assertThat(records).hasSize(2);

        JsonNode comment = records.stream().filter(r -> r.get("partition").asInt() == 1).findFirst().orElseThrow();
        assertThat(comment.get("topic").asText()).isEqualTo(DLT);
        assertThat(comment.get("key").asText()).isEqualTo(POST.toString());
        assertThat(comment.get("value").get("commentId").asText()).isEqualTo(COMMENT.toString());
        assertThat(fieldNames(comment.get("headers"))).noneMatch(name -> name.startsWith("kafka_dlt-"));
        JsonNode deadLetter = comment.get("deadLetter");
        assertThat(deadLetter.get("kafka_dlt-original-topic").asText()).isEqualTo(SOURCE);
        assertThat(deadLetter.get("kafka_dlt-original-partition").isInt()).isTrue();
        assertThat(deadLetter.get("kafka_dlt-original-partition").asInt()).isEqualTo(1);
        assertThat(deadLetter.get("kafka_dlt-original-offset").asLong()).isEqualTo(failedComment.offset());
        assertThat(Instant.parse(deadLetter.get("kafka_dlt-original-timestamp").asText()))
                .isEqualTo(Instant.ofEpochMilli(failedComment.timestamp()));
        assertThat(deadLetter.get("kafka_dlt-exception-fqcn").asText()).endsWith("Exception");
        assertThat(deadLetter.get("kafka_dlt-exception-message").asText()).contains("is closed");
        assertThat(deadLetter.has("kafka_dlt-exception-stacktrace")).as("only with --stacktrace").isFalse();

        JsonNode poison = records.stream().filter(r -> r.get("partition").asInt() == 2).findFirst().orElseThrow();
        assertThat(poison.get("value").isNull()).isTrue();
        assertThat(poison.get("error").asText()).contains("not an Avro");
        assertThat(poison.get("headers").get("traceparent").asText()).isEqualTo("00-abc-01");
        assertThat(poison.get("deadLetter").get("kafka_dlt-exception-fqcn").asText()).contains("DeserializationException");
        assertThat(poison.get("deadLetter").get("kafka_dlt-original-offset").asLong()).isEqualTo(failedPoison.offset());
    }

    @Test
    void acceptsTheDeadLetterTopicNameTooAndShowsStackTracesWhenAsked() {
        Cli bySource = Cli.run("--bootstrap-server", kafka.bootstrapServers(), "dlt", SOURCE);
        Cli byDeadLetterTopic = Cli.run("--bootstrap-server", kafka.bootstrapServers(), "dlt", DLT);
        Cli withStackTraces = Cli.run("--bootstrap-server", kafka.bootstrapServers(), "dlt", DLT, "--stacktrace");

        assertThat(byDeadLetterTopic.exitCode()).as(byDeadLetterTopic.toString()).isZero();
        assertThat(byDeadLetterTopic.json()).isEqualTo(bySource.json());
        assertThat(withStackTraces.json()).allSatisfy(record ->
                assertThat(record.get("deadLetter").get("kafka_dlt-exception-stacktrace").asText()).contains("\tat "));
    }

    @Test
    void replaysOnlyTheChosenRecordWithItsKeyValueAndAReplayHeader() {
        Map<Integer, Long> before = endOffsets(SOURCE);

        Cli cli = Cli.run("--bootstrap-server", kafka.bootstrapServers(), "dlt", SOURCE, "replay", "--offset", "1:0");

        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(cli.out().strip()).isEqualTo("replayed 1 record from comment-submitted-dlt to comment-submitted");
        List<ConsumerRecord<byte[], byte[]>> replayed = kafka.read(SOURCE, before);
        assertThat(replayed).hasSize(1);
        ConsumerRecord<byte[], byte[]> record = replayed.get(0);
        assertThat(record.key()).isEqualTo(failedComment.key());
        assertThat(record.value()).isEqualTo(failedComment.value());
        assertThat(header(record, ReplayCommand.REPLAYED_FROM)).isEqualTo("comment-submitted-dlt:1:0");
        assertThat(headerNames(record)).noneMatch(name -> name.startsWith("kafka_dlt-"));

        Cli tail = Cli.run("--bootstrap-server", kafka.bootstrapServers(), "tail", SOURCE, "--comment", COMMENT.toString());
        JsonNode decoded = tail.json().stream()
                .filter(r -> r.get("partition").asInt() == record.partition() && r.get("offset").asLong() == record.offset())
                .findFirst().orElseThrow(() -> new AssertionError("replayed record not in\n" + tail));
        assertThat(decoded.get("headers").get(ReplayCommand.REPLAYED_FROM).asText()).isEqualTo("comment-submitted-dlt:1:0");
        assertThat(decoded.get("value").get("commentId").asText()).isEqualTo(COMMENT.toString());
    }

    @Test
    void replaysEveryDeadLetterWithAll() {
        Map<Integer, Long> before = endOffsets(SOURCE);

        Cli cli = Cli.run("--bootstrap-server", kafka.bootstrapServers(), "dlt", DLT, "replay", "--all");

        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(cli.out().strip()).isEqualTo("replayed 2 records from comment-submitted-dlt to comment-submitted");
        List<ConsumerRecord<byte[], byte[]>> replayed = kafka.read(SOURCE, before);
        assertThat(replayed).extracting(r -> header(r, ReplayCommand.REPLAYED_FROM))
                .containsExactlyInAnyOrder("comment-submitted-dlt:1:0", "comment-submitted-dlt:2:0");
        ConsumerRecord<byte[], byte[]> poison = replayed.stream().filter(r -> header(r, ReplayCommand.REPLAYED_FROM).endsWith(":2:0"))
                .findFirst().orElseThrow();
        assertThat(poison.value()).isEqualTo(POISON);
        assertThat(header(poison, "traceparent")).isEqualTo("00-abc-01");
    }

    @Test
    void replaysNothingWhenAChosenOffsetIsNotInTheDeadLetterTopic() {
        Map<Integer, Long> before = endOffsets(SOURCE);

        Cli cli = Cli.run("--bootstrap-server", kafka.bootstrapServers(), "dlt", SOURCE, "replay", "--offset", "1:0", "0:99");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err().strip())
                .isEqualTo("commentflow-ops replay: no record at 0:99 in comment-submitted-dlt; nothing was replayed");
        assertThat(endOffsets(SOURCE)).isEqualTo(before);
    }

    @Test
    void replayNeedsAllOrOffsets() {
        Cli cli = Cli.run("--bootstrap-server", kafka.bootstrapServers(), "dlt", SOURCE, "replay");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--all", "--offset");
    }

    private static Map<Integer, Long> endOffsets(String topic) {
        return kafka.endOffsets(topic).entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().partition(), Map.Entry::getValue));
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static List<String> headerNames(ConsumerRecord<byte[], byte[]> record) {
        return StreamSupport.stream(record.headers().spliterator(), false).map(Header::key).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
