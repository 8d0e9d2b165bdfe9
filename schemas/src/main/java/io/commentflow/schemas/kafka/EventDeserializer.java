package io.commentflow.schemas.kafka;

import io.commentflow.schemas.EventSchemas;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads any commentflow event written in single-object encoding with any released version of its schema,
 * and returns it as the current generated class. Bytes it cannot read raise a {@link SerializationException}
 * (wrap this in Spring Kafka's ErrorHandlingDeserializer so such records go to the dead-letter topic).
 */
public class EventDeserializer implements Deserializer<SpecificRecord> {

    static {
        EventSchemas.trustGeneratedClasses();
    }

    private static final int HEADER_LENGTH = 10;

    private final EventSchemas schemas = EventSchemas.get();
    private final Map<Class<?>, BinaryMessageDecoder<SpecificRecord>> decoders = new ConcurrentHashMap<>();

    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < HEADER_LENGTH || data[0] != (byte) 0xC3 || data[1] != (byte) 0x01) {
            throw new SerializationException("not an Avro single-object encoded record on " + topic);
        }
        long fingerprint = ByteBuffer.wrap(data, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        Class<? extends SpecificRecord> type = schemas.typeOf(fingerprint);
        if (type == null) {
            throw new SerializationException("unknown schema fingerprint " + Long.toHexString(fingerprint) + " on " + topic);
        }
        try {
            return decoders.computeIfAbsent(type, this::decoderFor).decode(data);
        } catch (Exception e) {
            throw new SerializationException("cannot decode " + type.getSimpleName() + " on " + topic, e);
        }
    }

    private BinaryMessageDecoder<SpecificRecord> decoderFor(Class<?> type) {
        SpecificData model = SpecificData.getForClass(type);
        return new BinaryMessageDecoder<>(model, model.getSchema(type), schemas.store());
    }
}
