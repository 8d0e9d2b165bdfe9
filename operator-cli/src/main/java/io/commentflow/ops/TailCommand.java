package io.commentflow.ops;

import org.apache.kafka.clients.consumer.Consumer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

@Command(name = "tail", mixinStandardHelpOptions = true,
        description = {"Print a topic's records decoded from Avro, one JSON line each.",
                "Each line: {\"topic\",\"partition\",\"offset\",\"timestamp\",\"key\",\"headers\",\"value\"}; a record that"
                        + " cannot be decoded gets \"value\":null, an \"error\" and its \"raw\" bytes in base64."
                        + " Reads committed records only, joins no consumer group, commits nothing."})
final class TailCommand extends KafkaCommand {

    @Parameters(index = "0", paramLabel = "<topic>", description = "Any topic, e.g. comment-submitted.")
    String topic;

    @ArgGroup(exclusive = true)
    Start start = new Start();

    @Option(names = {"-f", "--follow"}, description = "Keep printing new records until Ctrl-C (otherwise stop at the end"
            + " offsets found at start).")
    boolean follow;

    @Option(names = "--post", paramLabel = "<uuid>", description = "Only records about this post.")
    UUID post;

    @Option(names = "--comment", paramLabel = "<uuid>", description = "Only records about this comment.")
    UUID comment;

    @Option(names = "--max", paramLabel = "<n>", description = "Stop after printing this many records.")
    Integer max;

    private final CountDownLatch stopped = new CountDownLatch(1);

    static final class Start {
        @Option(names = "--from-beginning", description = "Start at the oldest record (the default).")
        boolean fromBeginning;

        @Option(names = "--from", paramLabel = "<ISO time>", converter = TimeConverter.class,
                description = "Start at the first record written at or after this time, e.g. 2026-05-01T10:15:00Z.")
        Instant from;
    }

    @Override
    int execute(KafkaClients kafka) {
        if (max != null && max < 1) {
            throw new OpsException("--max must be at least 1");
        }
        RecordFilter filter = new RecordFilter(post, comment);
        RecordDecoder decoder = new RecordDecoder();
        RecordJson json = new RecordJson();
        PrintWriter out = out();
        int[] printed = {0};
        try (Consumer<byte[], byte[]> consumer = kafka.consumer()) {
            Thread stopOnCtrlC = follow ? stopOnShutdown(consumer) : null;
            try {
                new TopicReader(consumer).read(topic, start.from, follow, record -> {
                    DecodedRecord decoded = decoder.decode(record);
                    if (!filter.matches(decoded)) {
                        return true;
                    }
                    out.println(json.line(decoded));
                    out.flush();
                    printed[0]++;
                    return max == null || printed[0] < max;
                });
            } finally {
                if (stopOnCtrlC != null) {
                    stopped.countDown();
                    removeHook(stopOnCtrlC);
                }
            }
        }
        return 0;
    }

    /** On Ctrl-C, wake the consumer and let the read loop finish its line before the JVM exits. */
    private Thread stopOnShutdown(Consumer<byte[], byte[]> consumer) {
        Thread hook = new Thread(() -> {
            consumer.wakeup();
            try {
                stopped.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "commentflow-ops-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: nothing to remove
        }
    }
}
