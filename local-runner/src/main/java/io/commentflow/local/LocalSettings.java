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
        int[] p = free(9);
        return new LocalSettings(projectDir, dataDir, p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8]);
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

    /**
     * {@code count} different free ports. Each socket stays open until all are taken: a port given back can be handed
     * out again at once, and two services on one port would see one answer the other's health check.
     */
    static int[] free(int count) {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0);
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // the port is free again either way
                    }
                }
            }
        }
    }
}
