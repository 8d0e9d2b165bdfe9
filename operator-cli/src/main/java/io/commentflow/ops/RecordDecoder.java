package io.commentflow.ops;

import io.commentflow.schemas.kafka.EventDeserializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Decodes values with the schemas module, which knows every released version of every event. */
final class RecordDecoder {

    private final EventDeserializer deserializer = new EventDeserializer();

    DecodedRecord decode(ConsumerRecord<byte[], byte[]> record) {
        try {
            SpecificRecord value = deserializer.deserialize(record.topic(), record.headers(), record.value());
            return new DecodedRecord(record, value, null);
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (e.getCause() != null && e.getCause().getMessage() != null) {
                reason += ": " + e.getCause().getMessage();
            }
            return new DecodedRecord(record, null, reason);
        }
    }
}
