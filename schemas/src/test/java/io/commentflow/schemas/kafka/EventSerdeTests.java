package io.commentflow.schemas.kafka;

import io.commentflow.events.CommentAuthor;
import io.commentflow.events.CommentScored;
import io.commentflow.events.CommentSubmitted;
import io.commentflow.events.SubmissionSource;
import io.commentflow.events.Verdict;
import io.commentflow.schemas.EventSchemas;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventSerdeTests {

    private final EventSerializer serializer = new EventSerializer();
    private final EventDeserializer deserializer = new EventDeserializer();

    @Test
    void writesSingleObjectEncodingAndReadsItBack() {
        CommentScored scored = CommentScored.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now())
                .setComment(submitted())
                .setVerdict(Verdict.HAM)
                .setScore(0.1)
                .setReasons(List.of("rules: nothing matched"))
                .setClassifierVersion("rules-1")
                .setScoredAt(now())
                .build();

        byte[] bytes = serializer.serialize("comment-scored", scored);

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(deserializer.deserialize("comment-scored", bytes)).isEqualTo(scored);
    }

    @Test
    void readsRecordsWrittenWithTheFirstVersionOfTheSchema() throws Exception {
        Schema v1 = EventSchemas.get().history(CommentSubmitted.class).get(0);
        assertThat(v1.getField("honeypot")).as("v1 predates the spam signals").isNull();
        UUID commentId = UUID.randomUUID();
        GenericRecord author = new GenericRecordBuilder(v1.getField("author").schema())
                .set("name", "Ada").set("email", "ada@example.org").build();
        GenericRecord old = new GenericRecordBuilder(v1)
                .set("eventId", UUID.randomUUID().toString())
                .set("occurredAt", 1_700_000_000_000L)
                .set("commentId", commentId.toString())
                .set("postId", UUID.randomUUID().toString())
                .set("author", author)
                .set("content", "Written by an older intake")
                .set("submittedAt", 1_700_000_000_000L)
                .set("source", new GenericData.EnumSymbol(v1.getField("source").schema(), "FORM"))
                .build();
        byte[] bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old).array();

        SpecificRecord read = deserializer.deserialize("comment-submitted", bytes);

        assertThat(read).isInstanceOf(CommentSubmitted.class);
        CommentSubmitted comment = (CommentSubmitted) read;
        assertThat(comment.getCommentId()).isEqualTo(commentId);
        assertThat(comment.getContent()).isEqualTo("Written by an older intake");
        assertThat(comment.getSource()).isEqualTo(SubmissionSource.FORM);
        assertThat(comment.getHoneypot()).isNull();
    }

    @Test
    void refusesBytesThatAreNotOurEvents() {
        assertThatThrownBy(() -> deserializer.deserialize("comment-submitted", "{\"json\":true}".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("single-object");
        byte[] unknownFingerprint = new byte[]{(byte) 0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 0};
        assertThatThrownBy(() -> deserializer.deserialize("comment-submitted", unknownFingerprint))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown schema");
    }

    static CommentSubmitted submitted() {
        return CommentSubmitted.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now())
                .setCommentId(UUID.randomUUID())
                .setPostId(UUID.randomUUID())
                .setParentId(null)
                .setAuthor(CommentAuthor.newBuilder().setName("Ada").setEmail("ada@example.org").setUrl(null)
                        .setIp("192.0.2.1").setUserAgent("test").build())
                .setContent("Hello")
                .setNotifyFollowups(true)
                .setSubmittedAt(now())
                .setSource(SubmissionSource.JSON_API)
                .build();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
