package io.commentflow.schemas;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every version ever released of every event schema, loaded from {@code avro-history/<Event>/v<n>.avsc}
 * on the classpath. Decoders resolve records written with any of them to the current generated class.
 */
public final class EventSchemas {

    private static final String EVENTS_PACKAGE = "io.commentflow.events";
    private static final String HISTORY = "avro-history/";

    private static final EventSchemas INSTANCE = new EventSchemas();

    static {
        trustGeneratedClasses();
    }

    private final Map<Class<? extends SpecificRecord>, List<Schema>> versions = new LinkedHashMap<>();
    private final Map<Long, Class<? extends SpecificRecord>> typeByFingerprint = new HashMap<>();
    private final SchemaStore.Cache store = new SchemaStore.Cache();

    private EventSchemas() {
        for (Topic<?> topic : Topics.all()) {
            Class<? extends SpecificRecord> type = topic.valueType();
            List<Schema> history = load(type);
            versions.put(type, history);
            for (Schema schema : history) {
                store.addSchema(schema);
                typeByFingerprint.put(SchemaNormalization.parsingFingerprint64(schema), type);
            }
            Schema current = SpecificData.get().getSchema(type);
            store.addSchema(current);
            typeByFingerprint.put(SchemaNormalization.parsingFingerprint64(current), type);
        }
    }

    public static EventSchemas get() {
        return INSTANCE;
    }

    /** Avro 1.12 refuses to instantiate classes it was not told to trust; ours are generated from our schemas. */
    public static void trustGeneratedClasses() {
        ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
        if (previous instanceof TrustEvents) {
            return;
        }
        ClassSecurityValidator.setGlobal(new TrustEvents(previous));
    }

    /** The released versions of an event's schema, oldest first. */
    public List<Schema> history(Class<? extends SpecificRecord> type) {
        return versions.getOrDefault(type, List.of());
    }

    public SchemaStore store() {
        return store;
    }

    /** Which event a single-object-encoded record holds, from the fingerprint of the schema it was written with. */
    public Class<? extends SpecificRecord> typeOf(long fingerprint) {
        return typeByFingerprint.get(fingerprint);
    }

    private static List<Schema> load(Class<? extends SpecificRecord> type) {
        List<Schema> result = new ArrayList<>();
        ClassLoader loader = EventSchemas.class.getClassLoader();
        for (int v = 1; ; v++) {
            String resource = HISTORY + type.getSimpleName() + "/v" + v + ".avsc";
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    return Collections.unmodifiableList(result);
                }
                result.add(new Schema.Parser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
    }

    private record TrustEvents(ClassSecurityValidator.ClassSecurityPredicate previous)
            implements ClassSecurityValidator.ClassSecurityPredicate {
        @Override
        public boolean isTrusted(Class<?> clazz) {
            return EVENTS_PACKAGE.equals(clazz.getPackageName()) || previous.isTrusted(clazz);
        }
    }
}
