package io.commentflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commentflow.events.ReplyNotification;
import io.commentflow.schemas.Topic;
import io.commentflow.schemas.Topics;
import io.commentflow.schemas.kafka.EventDeserializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several thousand comments through the whole system while its parts are killed and restarted, then a
 * reconciliation of what users would notice: every comment answered 202 ends in exactly one state, no event is lost,
 * no email goes out twice, intake never answered 500 or hung, and poison records went to the dead-letter topics.
 */
class FaultInjectionIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int COMMENTS = 3000;
    private static final int PER_SECOND = 20;
    /** Consumers whose input topics get poison records, and so must dead-letter them. */
    private static final List<Topic<?>> CONSUMED = List.of(Topics.COMMENT_SUBMITTED, Topics.COMMENT_SCORED,
            Topics.REPLY_NOTIFICATION);

    private static LocalSystem system;
    private static LocalSettings settings;
    private static String postId;
    private final Map<String, String> injected = new LinkedHashMap<>();
    private final Map<String, String> checked = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        settings = LocalSettings.freePorts(LocalSettings.findProjectDir(Path.of("")),
                TestData.freshDirectory("fault-injection"));
        system = new LocalSystem(settings).withEnvironment("comment-intake", "COMMENTFLOW_INTAKE_TRUSTED_PROXIES",
                        "127.0.0.1/32,::1/128")
                // both far shorter than the database outage below (defaults: 30 s, 60 s): a comment that failed only
                // because PostgreSQL was down must wait for it, not be dead-lettered once its ordinary retries run out
                .withEnvironment("post-service", "SPRING_DATASOURCE_HIKARI_CONNECTIONTIMEOUT", "1000")
                .withEnvironment("post-service", "COMMENTFLOW_KAFKA_RETRY_MAXELAPSEDTIME", "1s")
                // likewise for notification (default 5 min), far shorter than the SMTP and database outages: an email
                // that failed only because either was away must wait for it
                .withEnvironment("notification", "SPRING_DATASOURCE_HIKARI_CONNECTIONTIMEOUT", "1000")
                .withEnvironment("notification", "COMMENTFLOW_DELIVERY_RETRY_MAXELAPSEDTIME", "1s")
                .start();
        JsonNode posts = JSON.readTree(get(settings.postServiceUrl() + "/api/posts").body());
        postId = posts.get(0).get("id").asText();
    }

    @AfterEach
    void printSummary() {
        StringBuilder table = new StringBuilder("\nFault injection summary (logs in ")
                .append(settings.dataDir().resolve("logs")).append(")\n\n| injected | what happened |\n|---|---|\n");
        injected.forEach((k, v) -> table.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        table.append("\n| checked | result |\n|---|---|\n");
        checked.forEach((k, v) -> table.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        System.out.println(table);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void everyAcceptedCommentEndsInExactlyOneStateThroughCrashesAndOutages() throws Exception {
        CommentLoad load = new CommentLoad(settings.intakeUrl(), postId, 4);
        load.start(COMMENTS, PER_SECOND, 4);

        crash("spam-filter");
        crash("post-service");
        crash("notification");
        poisonEveryInputTopic();
        outage("SMTP server", system::stopSmtp, system::startSmtp, Duration.ofSeconds(8));
        List<CommentLoad.Outcome> beforeBrokerOutage = load.outcomes();
        outage("Kafka broker", system::stopBroker, system::startBroker, Duration.ofSeconds(8));
        outage("PostgreSQL", system::stopDatabase, system::startDatabase, Duration.ofSeconds(15));
        crash("comment-intake");

        assertThat(load.awaitDone(Duration.ofMinutes(6))).as("the load generator finished").isTrue();
        List<CommentLoad.Outcome> outcomes = load.outcomes();
        Map<Integer, Long> byStatus = outcomes.stream()
                .collect(Collectors.groupingBy(CommentLoad.Outcome::status, Collectors.counting()));
        List<CommentLoad.Outcome> accepted = outcomes.stream().filter(o -> o.status() == 202).toList();
        long slowest = outcomes.stream().filter(o -> o.status() > 0).mapToLong(CommentLoad.Outcome::millis)
                .max().orElse(0);

        // intake: 202, 503 while the broker was away, refused connections only while it was itself restarting
        assertThat(byStatus).as("answers by status").doesNotContainKeys(500, -2, -3);
        assertThat(byStatus.keySet()).as("answers by status").isSubsetOf(Set.of(202, 503, -1));
        assertThat(byStatus.getOrDefault(503, 0L)).as("503 while the broker was down").isPositive();
        assertThat(slowest).as("slowest answer (ms): 503 within 5 s, never a hang").isLessThan(7_000);
        assertThat(beforeBrokerOutage).as("comments accepted before the outages").isNotEmpty();
        checked.put("intake answers", byStatus.toString() + ", slowest " + slowest + " ms");

        // every comment answered 202 ends in exactly one state
        Map<String, String> states = awaitFinalStates(accepted);
        for (CommentLoad.Outcome o : accepted) {
            String state = states.get(o.commentId());
            assertThat(state).as("state of comment %s (%s)", o.commentId(), o.kind())
                    .isIn("approved", "pending", "spam", "trash");
            if (o.kind() == CommentLoad.Kind.SPAM) {
                assertThat(state).as("comment %s with a disallowed word", o.commentId()).isEqualTo("spam");
            }
        }
        Map<String, Long> stateCounts = states.values().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(stateCounts.getOrDefault("approved", 0L)).as("comments published").isPositive();
        checked.put("comments answered 202", accepted.size() + ", each in exactly one state: " + stateCounts);

        // none twice on the page's API, none missing
        List<String> listed = publishedCommentIds();
        Set<String> approved = states.entrySet().stream().filter(e -> e.getValue().equals("approved"))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(listed).as("published comments listed twice").doesNotHaveDuplicates();
        assertThat(new HashSet<>(listed)).as("published comments listed").containsAll(approved);
        checked.put("published comments in the API", listed.size() + " (no duplicates, none missing)");

        // no event lost, none invented: one notification per published or held comment
        Map<String, Set<UUID>> notifications = notificationsByComment();
        int rawNotifications = notifications.values().stream().mapToInt(Set::size).sum();
        for (Map.Entry<String, String> e : states.entrySet()) {
            int expected = e.getValue().equals("approved") || e.getValue().equals("pending") ? 1 : 0;
            assertThat(notifications.getOrDefault(e.getKey(), Set.of()))
                    .as("notifications for %s comment %s", e.getValue(), e.getKey()).hasSize(expected);
        }
        checked.put("reply-notification events", rawNotifications + " distinct, one per published or held comment");

        // no email twice for one notification and recipient (Message-ID is derived from both)
        Duration drained = awaitConsumed("notification", Topics.REPLY_NOTIFICATION.name());
        List<String> messageIds = system.mail().messageIds();
        Map<String, Long> perId = messageIds.stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        long duplicates = perId.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
        assertThat(messageIds).as("emails received").isNotEmpty();
        // the one window SMTP cannot close: notification killed after the server accepted, before the ledger said so
        assertThat(duplicates).as("emails sent twice (only after a kill -9 of notification)").isLessThanOrEqualTo(1);
        checked.put("emails", messageIds.size() + " received, " + duplicates + " sent twice (SMTP window); "
                + "notification drained its backlog " + drained.toSeconds() + " s after the checks began");

        // the poison records, and nothing else, are in the dead-letter topics; the stream went on (every comment above
        // reconciled): no comment or email failed for good because the broker, PostgreSQL or SMTP was away
        for (Topic<?> topic : CONSUMED) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(endOffset(topic.deadLetterTopic())).as(topic.deadLetterTopic()).isPositive());
            assertThat(recordsOn(topic.deadLetterTopic())).as("records on %s", topic.deadLetterTopic()).isEqualTo(1);
        }
        checked.put("poison records", "dead-lettered on " + CONSUMED.stream().map(Topic::deadLetterTopic)
                .collect(Collectors.joining(", ")) + ", nothing else; stream went on");
    }

    private void crash(String service) throws Exception {
        Instant start = Instant.now();
        system.kill(service);
        system.restart(service);
        injected.put("kill -9 " + service, "restarted healthy in " + Duration.between(start, Instant.now()).toSeconds()
                + " s");
    }

    private void outage(String what, Action stop, Action restart, Duration length) throws Exception {
        stop.run();
        await().pollDelay(length).atMost(length.plusSeconds(1)).until(() -> true);
        restart.run();
        injected.put("stop " + what, "for " + length.toSeconds() + " s, then started again");
    }

    private void poisonEveryInputTopic() {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (Topic<?> topic : CONSUMED) {
                producer.send(new ProducerRecord<>(topic.name(), postId,
                        "{\"not\": \"avro\"}".getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
        injected.put("poison records", "one non-Avro record on each of " + CONSUMED.stream().map(Topic::name)
                .collect(Collectors.joining(", ")));
    }

    private static Map<String, String> awaitFinalStates(List<CommentLoad.Outcome> accepted) {
        Map<String, String> states = new HashMap<>();
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            for (CommentLoad.Outcome o : accepted) {
                if (!states.containsKey(o.commentId())) {
                    HttpResponse<String> r = get(settings.postServiceUrl() + "/api/comments/" + o.commentId());
                    if (r.statusCode() == 200) {
                        states.put(o.commentId(), JSON.readTree(r.body()).get("status").asText());
                    }
                }
            }
            assertThat(states).as("comments with a final state").hasSize(accepted.size());
        });
        return states;
    }

    private static List<String> publishedCommentIds() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int page = 1; ; page++) {
            HttpResponse<String> r = get(settings.postServiceUrl() + "/api/posts/" + postId + "/comments?per_page=100&page="
                    + page);
            JsonNode comments = JSON.readTree(r.body());
            if (r.statusCode() != 200 || !comments.isArray() || comments.isEmpty()) {
                return ids;
            }
            comments.forEach(c -> ids.add(c.get("id").asText()));
        }
    }

    private static Map<String, Set<UUID>> notificationsByComment() {
        Map<String, Set<UUID>> result = new HashMap<>();
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayToEvent.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.REPLY_NOTIFICATION.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() instanceof ReplyNotification n) {
                        result.computeIfAbsent(n.getCommentId().toString(), k -> new HashSet<>()).add(n.getEventId());
                    }
                }
            }
        }
        return result;
    }

    /** Committed records on a topic (its end offsets also count the markers of transactions that wrote to it). */
    private static int recordsOn(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            int records = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                records += consumer.poll(Duration.ofMillis(500)).count();
            }
            return records;
        }
    }

    /** Reads events, and lets the poison record through as null rather than failing the read. */
    public static class ByteArrayToEvent extends EventDeserializer {
        @Override
        public SpecificRecord deserialize(String topic, byte[] data) {
            try {
                return super.deserialize(topic, data);
            } catch (RuntimeException poison) {
                return null;
            }
        }
    }

    /** Waits until the group has committed everything on the topic (no transaction markers on it: not EOS). */
    private static Duration awaitConsumed(String group, String topic) {
        Instant start = Instant.now();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", settings.kafkaBootstrap()))) {
                Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().stream().filter(tp -> tp.topic().equals(topic))
                        .forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                long lag = 0;
                for (var e : admin.listOffsets(latest).all().get().entrySet()) {
                    lag += e.getValue().offset() - committed.get(e.getKey()).offset();
                }
                assertThat(latest).as("partitions of %s committed by %s", topic, group).isNotEmpty();
                assertThat(lag).as("lag of %s on %s", group, topic).isZero();
            }
        });
        return Duration.between(start, Instant.now());
    }

    private static long endOffset(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", settings.kafkaBootstrap()))) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(i -> i.offset()).sum();
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private interface Action {
        void run() throws Exception;
    }
}
