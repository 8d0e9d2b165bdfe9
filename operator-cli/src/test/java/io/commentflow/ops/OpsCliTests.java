package io.commentflow.ops;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class OpsCliTests {

    @Test
    void helpListsTheCommandsAndTheGlobalOptions() {
        Cli cli = Cli.run("--help");

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("topics", "tail", "dlt", "--bootstrap-server", "--timeout");
    }

    @Test
    void dltHelpShowsReplay() {
        Cli cli = Cli.run("dlt", "--help");

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("replay");
    }

    @Test
    void bootstrapServerDefaultsToLocalhostAndCanComeBeforeOrAfterTheCommand() {
        assertThat(bootstrapAfterParsing("topics")).isEqualTo("localhost:9092");
        assertThat(bootstrapAfterParsing("--bootstrap-server", "kafka:29092", "topics")).isEqualTo("kafka:29092");
        assertThat(bootstrapAfterParsing("tail", "comment-submitted", "--bootstrap-server", "kafka:29092"))
                .isEqualTo("kafka:29092");
        assertThat(bootstrapAfterParsing("dlt", "comment-submitted", "replay", "--all", "--bootstrap-server", "b:1"))
                .isEqualTo("b:1");
    }

    @Test
    void withoutACommandItExplainsUsage() {
        Cli cli = Cli.run();

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("Missing command");
    }

    @Test
    void rejectsAnOffsetThatIsNotPartitionColonOffset() {
        Cli cli = Cli.run("dlt", "comment-submitted", "replay", "--offset", "3");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("'3' is not <partition>:<offset>");
    }

    private static String bootstrapAfterParsing(String... args) {
        OpsCli cli = new OpsCli();
        new CommandLine(cli).parseArgs(args);
        return cli.kafka().bootstrapServer();
    }
}
