package io.commentflow.local;

import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * The same end-to-end contract on the official {@code apache/kafka} and PostgreSQL images. Runs where Docker is
 * available; skipped (not failed) where it is not, as on the development and CI machines.
 */
@Testcontainers(disabledWithoutDocker = true)
class EndToEndTestcontainersIntegrationTests extends EndToEndContract {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.2");

    @Container
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:17");

    @BeforeAll
    static void startTheServicesOnContainers() throws Exception {
        system = system(TestData.freshDirectory("end-to-end-testcontainers")).startOn(KAFKA.getBootstrapServers(), name -> {
            try (Connection c = DriverManager.getConnection(POSTGRES.getJdbcUrl(), POSTGRES.getUsername(),
                    POSTGRES.getPassword()); Statement s = c.createStatement()) {
                s.execute("create database \"" + name + "\"");
            }
            return POSTGRES.getJdbcUrl().replace("/" + POSTGRES.getDatabaseName(), "/" + name);
        }, POSTGRES.getUsername(), POSTGRES.getPassword());
        findTheDemoPost();
    }
}
