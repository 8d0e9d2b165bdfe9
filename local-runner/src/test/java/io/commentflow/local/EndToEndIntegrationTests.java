package io.commentflow.local;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * The end-to-end contract on the local runner's own infrastructure: a KRaft broker process from Kafka's Maven jars,
 * a real PostgreSQL server and the SMTP sink — exactly what {@code ./run-local.sh} starts, on free ports.
 */
class EndToEndIntegrationTests extends EndToEndContract {

    @TempDir
    static Path data;

    @BeforeAll
    static void startTheWholeSystem() throws Exception {
        system = new LocalSystem(freePorts(data)).start();
        findTheDemoPost();
    }
}
