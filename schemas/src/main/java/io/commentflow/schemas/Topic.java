package io.commentflow.schemas;

import org.apache.avro.specific.SpecificRecord;

/**
 * One commentflow topic: its name, what its key holds and the Avro record of its values.
 * Keys are always UTF-8 strings (a UUID), so {@code kcat} and any other tool can read them.
 */
public record Topic<V extends SpecificRecord>(String name, String key, Class<V> valueType, boolean compacted) {

    /** The dead-letter topic that consumers of this topic write records they cannot process to. */
    public String deadLetterTopic() {
        return name + "-dlt";
    }
}
