package io.commentflow.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commentflow.events.CommentSubmitted;
import io.commentflow.schemas.kafka.EventSerializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RecordJsonTests {

    private final RecordJson json = new RecordJson();
    private final RecordDecoder decoder = new RecordDecoder();

    @Test
    void writesTheEventWithReadableIdsAndTimesAndRepeatedHeadersAsArrays() {
        UUID post = UUID.randomUUID();
        UUID comment = UUID.randomUUID();
        CommentSubmitted event = Events.commentSubmitted(post, comment);
        RecordHeaders headers = new RecordHeaders();
        headers.add("hop", "a".getBytes(StandardCharsets.UTF_8));
        headers.add("hop", "b".getBytes(StandardCharsets.UTF_8));
        headers.add("empty", null);

        JsonNode line = Cli.parse(json.line(decoder.decode(record("comment-submitted", post.toString(),
                new EventSerializer().serialize("comment-submitted", event), headers))));

        assertThat(line.get("timestamp").asText()).isEqualTo("2026-05-01T10:15:30.123Z");
        assertThat(line.get("value").get("commentId").asText()).isEqualTo(comment.toString());
        assertThat(line.get("value").get("occurredAt").asText()).isEqualTo("2026-05-01T10:15:30.123Z");
        assertThat(line.get("headers").get("hop").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(line.get("headers").get("empty").isNull()).isTrue();
    }

    @Test
    void aTombstoneHasANullValueAndNoError() {
        JsonNode line = Cli.parse(json.line(decoder.decode(record("post-catalog", "k", null, new RecordHeaders()))));

        assertThat(line.get("value").isNull()).isTrue();
        assertThat(line.has("error")).isFalse();
    }

    @Test
    void decodesSpringKafkaDeadLetterHeaders() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(5).array());
        headers.add("kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(1234L).array());
        headers.add("kafka_dlt-original-timestamp", ByteBuffer.allocate(8).putLong(0L).array());
        headers.add("kafka_dlt-original-timestamp-type", "CreateTime".getBytes(StandardCharsets.UTF_8));
        headers.add("kafka_dlt-exception-stacktrace", "boom\n\tat x".getBytes(StandardCharsets.UTF_8));
        headers.add("traceparent", "t".getBytes(StandardCharsets.UTF_8));

        ObjectNode decoded = DeadLetterHeaders.toJson(headers, false);

        assertThat(decoded.toString()).isEqualTo("{\"kafka_dlt-original-partition\":5,\"kafka_dlt-original-offset\":1234,"
                + "\"kafka_dlt-original-timestamp\":\"1970-01-01T00:00:00Z\",\"kafka_dlt-original-timestamp-type\":\"CreateTime\"}");
    }

    private static ConsumerRecord<byte[], byte[]> record(String topic, String key, byte[] value, RecordHeaders headers) {
        return new ConsumerRecord<>(topic, 0, 7L, Events.SUBMITTED_AT.toEpochMilli(), TimestampType.CREATE_TIME,
                key.length(), value == null ? -1 : value.length, key.getBytes(StandardCharsets.UTF_8), value, headers,
                Optional.empty());
    }
}
