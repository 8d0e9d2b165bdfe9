package io.commentflow.schemas;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every schema must read what every earlier version wrote, and every earlier version must read what it
 * writes, and each released version must be kept in {@code src/main/resources/avro-history}.
 */
class SchemaEvolutionTests {

    @TestFactory
    Stream<DynamicTest> everySchemaIsCompatibleBothWaysWithEachEarlierVersion() {
        return Topics.all().stream().flatMap(topic -> {
            Schema current = SpecificData.get().getSchema(topic.valueType());
            List<Schema> history = EventSchemas.get().history(topic.valueType());
            return Stream.iterate(0, i -> i < history.size(), i -> i + 1).map(i -> DynamicTest.dynamicTest(
                    topic.valueType().getSimpleName() + " v" + (i + 1), () -> {
                        Schema earlier = history.get(i);
                        assertCompatible("current reads v" + (i + 1), current, earlier);
                        assertCompatible("v" + (i + 1) + " reads current", earlier, current);
                    }));
        });
    }

    @TestFactory
    Stream<DynamicTest> currentSchemaIsKeptAsTheLatestVersion() {
        return Topics.all().stream().map(topic -> DynamicTest.dynamicTest(topic.valueType().getSimpleName(), () -> {
            Schema current = SpecificData.get().getSchema(topic.valueType());
            List<Schema> history = EventSchemas.get().history(topic.valueType());
            assertThat(history).as("released versions of " + topic.valueType().getSimpleName()).isNotEmpty();
            Schema latest = history.get(history.size() - 1);
            assertThat(SchemaNormalization.toParsingForm(latest))
                    .as("the schema changed: add it as avro-history/%s/v%d.avsc:%n%s",
                            topic.valueType().getSimpleName(), history.size() + 1, current.toString(true))
                    .isEqualTo(SchemaNormalization.toParsingForm(current));
        }));
    }

    private static void assertCompatible(String direction, Schema reader, Schema writer) {
        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        assertThat(result.getType())
                .as("%s: %s", direction, result.getResult().getIncompatibilities())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }
}
