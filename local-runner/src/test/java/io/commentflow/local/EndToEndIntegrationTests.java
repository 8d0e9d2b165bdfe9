package io.commentflow.local;

import org.junit.jupiter.api.BeforeAll;


/**
 * The end-to-end contract on the local runner's own infrastructure: a KRaft broker process from Kafka's Maven jars,
 * a real PostgreSQL server and the SMTP sink — exactly what {@code ./run-local.sh} starts, on free ports.
 */
class EndToEndIntegrationTests extends EndToEndContract {

    @BeforeAll
    static void startTheWholeSystem() throws Exception {
        system = system(TestData.freshDirectory("end-to-end")).start();
        findTheDemoPost();
    }
}
