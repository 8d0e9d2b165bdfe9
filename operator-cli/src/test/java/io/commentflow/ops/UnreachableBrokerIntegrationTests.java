package io.commentflow.ops;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Nothing listens on the port: every command gives up with exit code 1 and one clear line, never hangs. */
class UnreachableBrokerIntegrationTests {

    private static String nowhere;

    @BeforeAll
    static void findAPortNobodyListensOn() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            nowhere = "localhost:" + socket.getLocalPort();
        }
    }

    @Test
    void topicsGivesUpWithinTheDefaultTimeout() {
        Instant start = Instant.now();

        Cli cli = Cli.run("--bootstrap-server", nowhere, "topics");

        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(15));
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err().lines().toList()).singleElement().asString()
                .startsWith("commentflow-ops topics: Kafka at " + nowhere + " did not answer within 10 s");
    }

    @Test
    void tailAndReplayGiveUpWithinTheTimeoutGiven() {
        Instant start = Instant.now();

        Cli tail = Cli.run("--bootstrap-server", nowhere, "--timeout", "2", "tail", "comment-submitted");
        Cli replay = Cli.run("dlt", "comment-submitted", "replay", "--all", "--bootstrap-server", nowhere, "--timeout", "2");

        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
        assertThat(tail.exitCode()).isEqualTo(1);
        assertThat(tail.err().strip()).startsWith("commentflow-ops tail: Kafka at " + nowhere + " did not answer within 2 s");
        assertThat(replay.exitCode()).isEqualTo(1);
        assertThat(replay.err().strip()).startsWith("commentflow-ops replay: Kafka at " + nowhere + " did not answer within 2 s");
    }
}
