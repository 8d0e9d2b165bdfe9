package io.commentflow.ops;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

@Command(name = "topics", mixinStandardHelpOptions = true,
        description = {"Topics with partitions, end offsets and each consumer group's lag.",
                "Lists every commentflow topic and its dead-letter topic (\"missing\" when not created yet), then any"
                        + " other topic on the cluster. A group's lag is summed over the partitions it committed"
                        + " offsets on; it counts records, not offsets, so transaction markers on transactional"
                        + " topics are not taken for lag."})
final class TopicsCommand extends KafkaCommand {

    @Option(names = {"-v", "--verbose"}, description = "Also show end offsets and lag per partition.")
    boolean verbose;

    @Override
    int execute(KafkaClients kafka) throws Exception {
        List<TopicState> topics;
        try (Admin admin = kafka.admin(); Consumer<byte[], byte[]> consumer = kafka.consumer()) {
            topics = new TopicSurvey(admin, new TransactionMarkers(consumer, kafka.timeout())).survey();
        }
        new TopicTable(verbose).print(topics, out());
        out().flush();
        return 0;
    }
}
