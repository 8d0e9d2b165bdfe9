package io.commentflow.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.commentflow.events.CommentSubmitted;
import io.commentflow.schemas.EventSchemas;
import io.commentflow.schemas.Topics;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TailCommandIntegrationTests {

    private static final UUID POST_A = UUID.randomUUID();
    private static final UUID POST_B = UUID.randomUUID();
    private static final UUID C1 = UUID.randomUUID();
    private static final UUID C2 = UUID.randomUUID();
    private static final UUID C3 = UUID.randomUUID();
    private static final UUID C4_WRITTEN_WITH_V1 = UUID.randomUUID();
    private static final byte[] POISON = "not avro at all".getBytes(StandardCharsets.UTF_8);

    private static TestBroker kafka;

    @BeforeAll
    static void startBrokerWithRecords() throws IOException {
        kafka = new TestBroker();
        CommentSubmitted c1 = Events.commentSubmitted(POST_A, C1);
        CommentSubmitted c3 = Events.commentSubmitted(POST_B, C3);
        kafka.send(Topics.COMMENT_SUBMITTED, POST_A.toString(), c1);
        kafka.send(Topics.COMMENT_SUBMITTED, POST_A.toString(), Events.commentSubmitted(POST_A, C2));
        kafka.send(Topics.COMMENT_SUBMITTED, POST_B.toString(), c3);
        kafka.sendRaw(Topics.COMMENT_SUBMITTED.name(), null, POST_B.toString().getBytes(StandardCharsets.UTF_8),
                writtenWithFirstSchema(POST_B, C4_WRITTEN_WITH_V1), List.of());
        kafka.sendRaw(Topics.COMMENT_SUBMITTED.name(), null, POST_B.toString().getBytes(StandardCharsets.UTF_8), POISON,
                List.<Header>of(new RecordHeader("traceparent", "00-abc-01".getBytes(StandardCharsets.UTF_8)),
                        new RecordHeader("checksum", new byte[] {0, (byte) 0xff, 7})));

        kafka.send(Topics.COMMENT_SCORED, POST_A.toString(), Events.commentScored(c1));
        kafka.send(Topics.COMMENT_SCORED, POST_B.toString(), Events.commentScored(c3));
        kafka.send(Topics.REPLY_NOTIFICATION, C1.toString(), Events.replyNotification(POST_A, C1));
        kafka.send(Topics.REPLY_NOTIFICATION, C3.toString(), Events.replyNotification(POST_B, C3));

        UUID post = UUID.randomUUID();
        kafka.sendAt(Topics.POST_CATALOG, Instant.parse("2026-01-01T00:00:00Z").toEpochMilli(), post.toString(),
                Events.postChanged(post, "old title"));
        kafka.sendAt(Topics.POST_CATALOG, Instant.parse("2026-03-01T00:00:00Z").toEpochMilli(), post.toString(),
                Events.postChanged(post, "new title"));
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void printsOneJsonLinePerRecordWithTheDecodedEvent() {
        Cli cli = tail("comment-submitted");

        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        List<JsonNode> records = cli.json();
        assertThat(records).hasSize(5);
        assertThat(records).allSatisfy(record -> {
            assertThat(record.get("topic").asText()).isEqualTo("comment-submitted");
            assertThat(record.get("partition").isInt()).isTrue();
            assertThat(record.get("offset").isNumber()).isTrue();
            assertThat(Instant.parse(record.get("timestamp").asText())).isBefore(Instant.now().plusSeconds(1));
            assertThat(record.get("headers").isObject()).isTrue();
        });
        JsonNode c1 = byCommentId(records, C1);
        assertThat(c1.get("key").asText()).isEqualTo(POST_A.toString());
        JsonNode value = c1.get("value");
        assertThat(value.get("postId").asText()).isEqualTo(POST_A.toString());
        assertThat(value.get("submittedAt").asText()).isEqualTo("2026-05-01T10:15:30.123Z");
        assertThat(value.get("author").get("name").asText()).isEqualTo("Ada");
        assertThat(value.get("source").asText()).isEqualTo("FORM");
        assertThat(value.get("parentId").isNull()).isTrue();
        assertThat(value.get("notifyFollowups").asBoolean()).isTrue();
        assertThat(c1.has("error")).isFalse();
    }

    @Test
    void decodesRecordsWrittenWithAnOlderSchemaVersion() {
        JsonNode c4 = byCommentId(tail("comment-submitted").json(), C4_WRITTEN_WITH_V1);

        assertThat(c4.get("value").get("postId").asText()).isEqualTo(POST_B.toString());
        assertThat(c4.get("value").get("honeypot").isNull()).as("field added after v1 gets its default").isTrue();
    }

    @Test
    void printsAPoisonRecordWithAnErrorInsteadOfStopping() {
        Cli cli = tail("comment-submitted");

        assertThat(cli.exitCode()).isZero();
        JsonNode poison = cli.json().stream().filter(r -> r.has("error")).findFirst().orElseThrow();
        assertThat(poison.get("value").isNull()).isTrue();
        assertThat(poison.get("error").asText()).contains("not an Avro single-object encoded record");
        assertThat(Base64.getDecoder().decode(poison.get("raw").asText())).isEqualTo(POISON);
        assertThat(poison.get("key").asText()).isEqualTo(POST_B.toString());
        assertThat(poison.get("headers").get("traceparent").asText()).isEqualTo("00-abc-01");
        assertThat(poison.get("headers").get("checksum").get("base64").asText()).isEqualTo("AP8H");
    }

    @Test
    void filtersByPostIdInKeysAndValues() {
        assertThat(tail("comment-submitted", "--post", POST_A.toString()).json())
                .extracting(r -> r.get("value").get("commentId").asText())
                .containsExactlyInAnyOrder(C1.toString(), C2.toString());
        assertThat(tail("comment-scored", "--post", POST_A.toString()).json())
                .extracting(r -> r.get("value").get("comment").get("commentId").asText())
                .containsExactly(C1.toString());
        assertThat(tail("reply-notification", "--post", POST_B.toString()).json())
                .extracting(r -> r.get("key").asText())
                .containsExactly(C3.toString());
    }

    @Test
    void filtersByCommentIdInKeysAndValues() {
        assertThat(tail("comment-submitted", "--comment", C2.toString()).json())
                .extracting(r -> r.get("value").get("commentId").asText())
                .containsExactly(C2.toString());
        assertThat(tail("comment-scored", "--comment", C3.toString()).json())
                .extracting(r -> r.get("key").asText())
                .containsExactly(POST_B.toString());
        assertThat(tail("reply-notification", "--comment", C1.toString()).json())
                .extracting(r -> r.get("value").get("post").get("postId").asText())
                .containsExactly(POST_A.toString());
        assertThat(tail("comment-submitted", "--post", POST_A.toString(), "--comment", C3.toString()).json()).isEmpty();
    }

    @Test
    void stopsAfterMaxRecords() {
        assertThat(tail("comment-submitted", "--max", "2").json()).hasSize(2);
        assertThat(tail("comment-submitted", "--post", POST_B.toString(), "--max", "1").json()).hasSize(1);
    }

    @Test
    void startsFromATime() {
        assertThat(tail("post-catalog", "--from", "2026-02-01T00:00:00Z").json())
                .extracting(r -> r.get("value").get("title").asText())
                .containsExactly("new title");
        assertThat(tail("post-catalog", "--from", "2026-01-01").json()).hasSize(2);
        assertThat(tail("post-catalog", "--from", "2027-01-01T00:00:00+02:00").json()).isEmpty();
        assertThat(tail("post-catalog", "--from-beginning").json()).hasSize(2);
    }

    @Test
    void followsNewRecordsUntilMax() {
        kafka.createTopic("follow-it", 1);
        UUID post = UUID.randomUUID();
        kafka.send("follow-it", null, post.toString(), Events.postChanged(post, "first"));
        Cli cli = new Cli();
        Thread following = new Thread(() -> cli.execute("--bootstrap-server", kafka.bootstrapServers(),
                "tail", "follow-it", "--follow", "--max", "2"));
        following.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> cli.lines().size() == 1);
        assertThat(following.isAlive()).as("still following after the records that were there").isTrue();
        kafka.send("follow-it", null, post.toString(), Events.postChanged(post, "second"));

        await().atMost(Duration.ofSeconds(20)).until(() -> !following.isAlive());
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(cli.json()).extracting(r -> r.get("value").get("title").asText()).containsExactly("first", "second");
    }

    @Test
    void failsWithExitCodeOneOnAnUnknownTopic() {
        Cli cli = tail("no-such-topic");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err().strip()).isEqualTo("commentflow-ops tail: topic no-such-topic does not exist");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void rejectsATimeThatIsNotIso8601() {
        Cli cli = tail("post-catalog", "--from", "yesterday");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("'yesterday' is not an ISO-8601 time");
    }

    private static Cli tail(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--bootstrap-server";
        all[1] = kafka.bootstrapServers();
        all[2] = "tail";
        System.arraycopy(args, 0, all, 3, args.length);
        return Cli.run(all);
    }

    private static JsonNode byCommentId(List<JsonNode> records, UUID commentId) {
        return records.stream()
                .filter(r -> r.get("value").has("commentId") && r.get("value").get("commentId").asText().equals(commentId.toString()))
                .findFirst().orElseThrow(() -> new AssertionError("no record for " + commentId + " in " + records));
    }

    /** A CommentSubmitted as the first released schema (v1) wrote it. */
    private static byte[] writtenWithFirstSchema(UUID postId, UUID commentId) throws IOException {
        Schema v1 = EventSchemas.get().history(CommentSubmitted.class).get(0);
        GenericRecord author = new GenericRecordBuilder(v1.getField("author").schema())
                .set("name", "Old Timer").set("email", "old@example.org").build();
        GenericRecord record = new GenericRecordBuilder(v1)
                .set("eventId", UUID.randomUUID().toString())
                .set("occurredAt", Events.SUBMITTED_AT.toEpochMilli())
                .set("commentId", commentId.toString())
                .set("postId", postId.toString())
                .set("author", author)
                .set("content", "written long ago")
                .set("submittedAt", Events.SUBMITTED_AT.toEpochMilli())
                .set("source", new GenericData.EnumSymbol(v1.getField("source").schema(), "JSON_API"))
                .build();
        return new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(record).array();
    }
}
