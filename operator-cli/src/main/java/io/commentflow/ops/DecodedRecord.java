package io.commentflow.ops;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record as read, with its value decoded: {@code value} is null for a tombstone or when decoding failed, in
 * which case {@code error} says why.
 */
record DecodedRecord(ConsumerRecord<byte[], byte[]> raw, SpecificRecord value, String error) {

    boolean undecodable() {
        return error != null;
    }
}
