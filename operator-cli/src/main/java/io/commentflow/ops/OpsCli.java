package io.commentflow.ops;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.time.Duration;

/**
 * {@code commentflow-ops}: what operators need to see and repair on commentflow's Kafka topics.
 * Exit codes: 0 done, 1 failed (one line on stderr), 2 wrong usage.
 */
@Command(name = "commentflow-ops", mixinStandardHelpOptions = true, version = "commentflow-ops 0.1.0",
        description = "Operate commentflow's Kafka topics: lag, decoded records, dead letters.",
        subcommands = {TopicsCommand.class, TailCommand.class, DeadLetterCommand.class},
        footer = {"", "Exit codes: 0 done, 1 failed (reason on stderr), 2 wrong usage."})
public final class OpsCli implements Runnable {

    @Option(names = "--bootstrap-server", paramLabel = "<host:port>", defaultValue = "localhost:9092",
            scope = ScopeType.INHERIT, description = "Kafka brokers to connect to (default: ${DEFAULT-VALUE}).")
    String bootstrapServer;

    @Option(names = "--timeout", paramLabel = "<seconds>", defaultValue = "10", scope = ScopeType.INHERIT,
            description = "Give up when the brokers do not answer within this many seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new OpsCli()).execute(args));
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: topics, tail or dlt");
    }

    KafkaClients kafka() {
        return new KafkaClients(bootstrapServer, Duration.ofSeconds(Math.max(1, timeoutSeconds)));
    }
}
