package io.commentflow.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;

@Command(name = "dlt", mixinStandardHelpOptions = true, subcommands = ReplayCommand.class,
        description = {"List the dead-lettered records of <topic>-dlt with their error headers; replay them.",
                "One JSON line each: the record as `tail` prints it (headers without kafka_dlt-*), plus \"deadLetter\""
                        + " with Spring Kafka's kafka_dlt-* headers decoded (original topic, partition, offset,"
                        + " timestamp, exception class and message).",
                "`dlt <topic> replay --all | --offset <partition:offset>...` writes them back to the source topic."})
final class DeadLetterCommand extends KafkaCommand {

    @Parameters(index = "0", paramLabel = "<topic>",
            description = "The source topic or its dead-letter topic: comment-submitted or comment-submitted-dlt.")
    String topic;

    @Option(names = "--stacktrace", description = "Also show the kafka_dlt-*-stacktrace headers.")
    boolean stackTraces;

    @Override
    int execute(KafkaClients kafka) {
        String deadLetterTopic = DeadLetterTopicName.of(topic).deadLetter();
        RecordDecoder decoder = new RecordDecoder();
        RecordJson json = new RecordJson();
        PrintWriter out = out();
        try (Consumer<byte[], byte[]> consumer = kafka.consumer()) {
            new TopicReader(consumer).read(deadLetterTopic, null, false, record -> {
                DecodedRecord decoded = decoder.decode(record);
                ObjectNode line = json.toJson(decoded, name -> !DeadLetterHeaders.isDeadLetterHeader(name));
                line.set("deadLetter", DeadLetterHeaders.toJson(record.headers(), stackTraces));
                out.println(json.write(line));
                return true;
            });
        }
        out.flush();
        return 0;
    }
}
