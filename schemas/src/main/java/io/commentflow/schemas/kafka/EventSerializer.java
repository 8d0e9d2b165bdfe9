package io.commentflow.schemas.kafka;

import io.commentflow.schemas.EventSchemas;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes any commentflow event in Avro's single-object encoding: {@code C3 01}, the schema's 64-bit
 * fingerprint, then the binary body. Any Avro library holding the .avsc files can read it back.
 */
public class EventSerializer implements Serializer<SpecificRecord> {

    static {
        EventSchemas.trustGeneratedClasses();
    }

    private final Map<Class<?>, BinaryMessageEncoder<SpecificRecord>> encoders = new ConcurrentHashMap<>();

    @Override
    public byte[] serialize(String topic, SpecificRecord event) {
        if (event == null) {
            return null;
        }
        try {
            return encoders.computeIfAbsent(event.getClass(), EventSerializer::encoderFor).encode(event).array();
        } catch (IOException e) {
            throw new SerializationException("cannot encode " + event.getClass().getSimpleName() + " for " + topic, e);
        }
    }

    private static BinaryMessageEncoder<SpecificRecord> encoderFor(Class<?> type) {
        SpecificData model = SpecificData.getForClass(type);
        return new BinaryMessageEncoder<>(model, model.getSchema(type));
    }
}
