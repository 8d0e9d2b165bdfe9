package io.commentflow.ops;

import io.commentflow.events.CommentSubmitted;
import io.commentflow.schemas.Topic;
import io.commentflow.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TopicsCommandIntegrationTests {

    private static final String GROUP = "spam-filter-it";
    private static final String CAUGHT_UP = "post-service-it";
    private static final String BEHIND = "post-service-late-it";

    private static TestBroker kafka;

    @BeforeAll
    static void startBrokerWithRecordsAndAGroupThatReadPartOfThem() {
        kafka = new TestBroker();
        UUID post = UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            kafka.send(Topics.COMMENT_SUBMITTED.name(), 0, post.toString(), Events.commentSubmitted(post, UUID.randomUUID()));
        }
        for (int i = 0; i < 3; i++) {
            kafka.send(Topics.COMMENT_SUBMITTED.name(), 1, post.toString(), Events.commentSubmitted(post, UUID.randomUUID()));
        }
        kafka.send(Topics.POST_CATALOG, post.toString(), Events.postChanged(post, "A post"));
        kafka.createTopic("legacy-audit", 2);
        try (KafkaConsumer<byte[], byte[]> group = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition p0 = new TopicPartition(Topics.COMMENT_SUBMITTED.name(), 0);
            TopicPartition p1 = new TopicPartition(Topics.COMMENT_SUBMITTED.name(), 1);
            group.assign(List.of(p0, p1));
            group.commitSync(Map.of(p0, new OffsetAndMetadata(2), p1, new OffsetAndMetadata(1)));
        }

        // comment-scored is written in transactions: two committed ones (3 records), one aborted (2 records)
        CommentSubmitted first = Events.commentSubmitted(post, UUID.randomUUID());
        CommentSubmitted second = Events.commentSubmitted(post, UUID.randomUUID());
        CommentSubmitted third = Events.commentSubmitted(post, UUID.randomUUID());
        String scored = Topics.COMMENT_SCORED.name();
        long afterFirst = kafka.sendInTransaction(scored, 0, post.toString(),
                List.of(Events.commentScored(first), Events.commentScored(second)), true);
        kafka.sendInTransaction(scored, 0, post.toString(), List.of(Events.commentScored(first)), false);
        long end = kafka.sendInTransaction(scored, 0, post.toString(), List.of(Events.commentScored(third)), true);
        // a consumer that read everything commits the offset after the last record, which is the last marker's
        commit(CAUGHT_UP, scored, end - 1);
        commit(BEHIND, scored, afterFirst - 1);
    }

    private static void commit(String groupId, String topic, long offset) {
        try (KafkaConsumer<byte[], byte[]> group = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition p0 = new TopicPartition(topic, 0);
            group.assign(List.of(p0));
            group.commitSync(Map.of(p0, new OffsetAndMetadata(offset)));
        }
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void listsEveryCommentflowTopicWithPartitionsEndOffsetsAndTheLagOfAGroup() {
        Cli cli = Cli.run("--bootstrap-server", kafka.bootstrapServers(), "topics");

        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        List<String> lines = cli.lines();
        assertThat(lines.get(0)).startsWith("TOPIC / GROUP").contains("PARTITIONS", "END OFFSETS", "LAG");
        for (Topic<?> topic : Topics.all()) {
            assertThat(row(lines, topic.name())[1]).as(topic.name()).isEqualTo("3");
            assertThat(row(lines, topic.deadLetterTopic())[1]).as(topic.deadLetterTopic()).isEqualTo("3");
        }
        assertThat(row(lines, "comment-submitted")).containsExactly("comment-submitted", "3", "5");
        assertThat(lines.get(lines.indexOf(line(lines, "comment-submitted")) + 1).trim().split("\\s+"))
                .containsExactly("group", GROUP, "2");
        assertThat(row(lines, "comment-submitted-dlt")).containsExactly("comment-submitted-dlt", "3", "0");
        assertThat(row(lines, "post-catalog")).containsExactly("post-catalog", "3", "1");
        assertThat(row(lines, "legacy-audit")).containsExactly("legacy-audit", "2", "0");
        assertThat(lines.indexOf(line(lines, "legacy-audit")))
                .as("other topics after the catalogue")
                .isGreaterThan(lines.indexOf(line(lines, "post-catalog-dlt")));
    }

    @Test
    void verboseShowsEndOffsetsAndLagPerPartition() {
        Cli cli = Cli.run("topics", "-v", "--bootstrap-server", kafka.bootstrapServers());

        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        String topicRow = line(cli.lines(), "comment-submitted");
        assertThat(topicRow).endsWith("end 0=2 1=3 2=0");
        String groupRow = cli.lines().get(cli.lines().indexOf(topicRow) + 1);
        assertThat(groupRow).contains("group " + GROUP).endsWith("lag 0=0 1=2 2=-");
    }

    @Test
    void countsRecordsNotTransactionMarkersOnATransactionalTopic() {
        Cli cli = Cli.run("topics", "-v", "--bootstrap-server", kafka.bootstrapServers());

        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        List<String> lines = cli.lines();
        int topicRow = lines.indexOf(line(lines, "comment-scored"));
        List<String> groups = lines.subList(topicRow + 1, topicRow + 3).stream().map(String::trim).toList();
        // caught up: only markers after its offset; behind: one committed record, the aborted ones don't count
        assertThat(groups).anySatisfy(row -> assertThat(row.split("\\s+")).startsWith("group", CAUGHT_UP, "0"));
        assertThat(groups).anySatisfy(row -> assertThat(row.split("\\s+")).startsWith("group", BEHIND, "1"));
    }

    private static String line(List<String> lines, String topic) {
        return lines.stream().filter(l -> l.startsWith(topic + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + topic + " in\n" + String.join("\n", lines)));
    }

    private static String[] row(List<String> lines, String topic) {
        return line(lines, topic).trim().split("\\s+");
    }
}
