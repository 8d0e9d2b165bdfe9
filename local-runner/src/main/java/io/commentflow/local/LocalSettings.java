package io.commentflow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the local system keeps its data and which ports it listens on. */
public record LocalSettings(Path projectDir, Path dataDir, int postService, int intake, int spamFilter, int notification,
                     int kafka, int kafkaController, int smtp, int inbox, int postgres) {

    /** The ports DESIGN.md promises, data under {@code .local/} in the checkout. */
    public static LocalSettings defaults(Path projectDir) {
        return new LocalSettings(projectDir, projectDir.resolve(".local"), 8080, 8081, 8082, 8083, 9092, 9093, 2525,
                8025, 5433);
    }

    /** Free ports everywhere: for tests, which must not collide with a running local system. */
    public static LocalSettings freePorts(Path projectDir, Path dataDir) {
        return new LocalSettings(projectDir, dataDir, free(), free(), free(), free(), free(), free(), free(), free(),
                free());
    }

    public String kafkaBootstrap() {
        return "localhost:" + kafka;
    }

    public String postServiceUrl() {
        return "http://localhost:" + postService;
    }

    public String intakeUrl() {
        return "http://localhost:" + intake;
    }

    public String notificationUrl() {
        return "http://localhost:" + notification;
    }

    public String inboxUrl() {
        return "http://localhost:" + inbox;
    }

    /** The project directory is the one holding the services' modules; found from the working directory up. */
    public static Path findProjectDir(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("post-service")) && Files.isDirectory(dir.resolve("local-runner"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run this from the commentflow checkout (no post-service/ above " + start + ")");
    }

    private static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
