package io.commentflow.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Predicate;

/**
 * One record as one JSON line:
 * {@code {"topic","partition","offset","timestamp","key","headers","value"}}, plus {@code "error"} and
 * {@code "raw"} (base64 of the value bytes) when the value could not be decoded.
 */
final class RecordJson {

    private final ObjectMapper mapper = new ObjectMapper();

    String line(DecodedRecord record) {
        return write(toJson(record, header -> true));
    }

    String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The record as JSON, listing only the headers {@code showHeader} accepts. */
    ObjectNode toJson(DecodedRecord record, Predicate<String> showHeader) {
        ConsumerRecord<byte[], byte[]> raw = record.raw();
        ObjectNode node = mapper.createObjectNode();
        node.put("topic", raw.topic());
        node.put("partition", raw.partition());
        node.put("offset", raw.offset());
        node.put("timestamp", Instant.ofEpochMilli(raw.timestamp()).toString());
        node.set("key", HeaderJson.of(raw.key()));
        node.set("headers", headers(raw, showHeader));
        node.set("value", EventJson.of(record.value()));
        if (record.undecodable()) {
            node.put("error", record.error());
            node.put("raw", Base64.getEncoder().encodeToString(raw.value()));
        }
        return node;
    }

    private ObjectNode headers(ConsumerRecord<byte[], byte[]> raw, Predicate<String> showHeader) {
        ObjectNode headers = mapper.createObjectNode();
        for (Header header : raw.headers()) {
            if (!showHeader.test(header.key())) {
                continue;
            }
            JsonNode value = HeaderJson.of(header.value());
            JsonNode earlier = headers.get(header.key());
            if (earlier == null) {
                headers.set(header.key(), value);
            } else if (earlier instanceof ArrayNode repeated) {
                repeated.add(value);
            } else {
                headers.set(header.key(), mapper.createArrayNode().add(earlier).add(value));
            }
        }
        return headers;
    }
}
