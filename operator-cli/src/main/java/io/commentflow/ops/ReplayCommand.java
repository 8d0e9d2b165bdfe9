package io.commentflow.ops;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Write dead-lettered records back to the source topic.",
                "Same key, same value bytes, the headers without kafka_dlt-*, plus"
                        + " commentflow-replayed-from=<dlt>:<partition>:<offset>. Idempotent producer, acks=all."
                        + " The dead-letter topic itself is left as it is. Prints how many records it replayed."})
final class ReplayCommand extends KafkaCommand {

    static final String REPLAYED_FROM = "commentflow-replayed-from";

    @ParentCommand
    DeadLetterCommand deadLetters;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Selection selection;

    static final class Selection {
        @Option(names = "--all", required = true, description = "Replay every record of the dead-letter topic.")
        boolean all;

        @Option(names = "--offset", required = true, arity = "1..*", paramLabel = "<partition:offset>",
                converter = PartitionOffset.Converter.class,
                description = "Replay only these records of the dead-letter topic, e.g. --offset 0:3 2:17.")
        List<PartitionOffset> offsets;
    }

    @Override
    int execute(KafkaClients kafka) throws Exception {
        DeadLetterTopicName names = DeadLetterTopicName.of(deadLetters.topic);
        List<ConsumerRecord<byte[], byte[]>> chosen = new ArrayList<>();
        try (Consumer<byte[], byte[]> consumer = kafka.consumer()) {
            TopicReader.partitions(consumer, names.source());
            Set<PartitionOffset> wanted = selection.all ? Set.of() : new LinkedHashSet<>(selection.offsets);
            new TopicReader(consumer).read(names.deadLetter(), null, false, record -> {
                if (selection.all || wanted.contains(new PartitionOffset(record.partition(), record.offset()))) {
                    chosen.add(record);
                }
                return true;
            });
            Set<PartitionOffset> missing = new LinkedHashSet<>(wanted);
            chosen.forEach(record -> missing.remove(new PartitionOffset(record.partition(), record.offset())));
            if (!missing.isEmpty()) {
                throw new OpsException("no record at " + missing.stream().map(PartitionOffset::toString)
                        .collect(Collectors.joining(", ")) + " in " + names.deadLetter() + "; nothing was replayed");
            }
        }
        int replayed = send(kafka, names, chosen);
        out().println("replayed " + replayed + " record" + (replayed == 1 ? "" : "s") + " from " + names.deadLetter()
                + " to " + names.source());
        out().flush();
        return 0;
    }

    private static int send(KafkaClients kafka, DeadLetterTopicName names, List<ConsumerRecord<byte[], byte[]>> records)
            throws Exception {
        if (records.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (Producer<byte[], byte[]> producer = kafka.producer()) {
            for (ConsumerRecord<byte[], byte[]> record : records) {
                sent.add(producer.send(replayOf(record, names.source())));
            }
            producer.flush();
            for (Future<RecordMetadata> result : sent) {
                result.get();
            }
        }
        return sent.size();
    }

    static ProducerRecord<byte[], byte[]> replayOf(ConsumerRecord<byte[], byte[]> deadLetter, String sourceTopic) {
        ProducerRecord<byte[], byte[]> replay = new ProducerRecord<>(sourceTopic, deadLetter.key(), deadLetter.value());
        for (Header header : deadLetter.headers()) {
            if (!DeadLetterHeaders.isDeadLetterHeader(header.key())) {
                replay.headers().add(header.key(), header.value());
            }
        }
        String origin = deadLetter.topic() + ":" + deadLetter.partition() + ":" + deadLetter.offset();
        replay.headers().add(REPLAYED_FROM, origin.getBytes(StandardCharsets.UTF_8));
        return replay;
    }
}
