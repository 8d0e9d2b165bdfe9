package io.commentflow.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * The headers Spring Kafka's DeadLetterPublishingRecoverer adds ({@code kafka_dlt-*}), decoded: partitions are
 * 4-byte and offsets 8-byte big-endian numbers, timestamps 8-byte epoch millis shown as ISO-8601, the rest UTF-8.
 */
final class DeadLetterHeaders {

    static final String PREFIX = "kafka_dlt-";

    private DeadLetterHeaders() {
    }

    static boolean isDeadLetterHeader(String name) {
        return name.startsWith(PREFIX);
    }

    static boolean isStackTrace(String name) {
        return isDeadLetterHeader(name) && name.endsWith("-stacktrace");
    }

    static ObjectNode toJson(Headers headers, boolean withStackTraces) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (Header header : headers) {
            String name = header.key();
            if (!isDeadLetterHeader(name) || (!withStackTraces && isStackTrace(name))) {
                continue;
            }
            byte[] value = header.value();
            if (value == null) {
                node.putNull(name);
            } else if (name.endsWith("-partition") && value.length == Integer.BYTES) {
                node.put(name, ByteBuffer.wrap(value).getInt());
            } else if (name.endsWith("-offset") && value.length == Long.BYTES) {
                node.put(name, ByteBuffer.wrap(value).getLong());
            } else if (name.endsWith("-timestamp") && value.length == Long.BYTES) {
                node.put(name, Instant.ofEpochMilli(ByteBuffer.wrap(value).getLong()).toString());
            } else {
                node.set(name, HeaderJson.of(value));
            }
        }
        return node;
    }
}
