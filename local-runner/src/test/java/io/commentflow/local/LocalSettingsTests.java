package io.commentflow.local;

import org.junit.jupiter.api.RepeatedTest;

import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class LocalSettingsTests {

    /** Two services given one port: the second cannot start, and the first answers its health check (seen once). */
    @RepeatedTest(20)
    void givesEveryPartOfATestSystemAPortOfItsOwn() {
        LocalSettings settings = LocalSettings.freePorts(Path.of("."), Path.of("data"));
        int[] ports = {settings.postService(), settings.intake(), settings.spamFilter(), settings.notification(),
                settings.kafka(), settings.kafkaController(), settings.smtp(), settings.inbox(), settings.postgres()};
        assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(ports.length);
        assertThat(Arrays.stream(ports).min().orElseThrow()).isPositive();
    }
}
