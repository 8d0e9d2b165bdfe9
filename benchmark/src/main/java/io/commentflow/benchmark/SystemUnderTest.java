package io.commentflow.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commentflow.local.LocalSettings;
import io.commentflow.local.LocalSystem;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The commentflow being measured: either started here on free ports (every process under our control, so
 * services can be stopped and restarted), or one already running on the default ports ({@code ./run-local.sh}).
 */
final class SystemUnderTest implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final LocalSettings settings;
    private final LocalSystem system;
    private final String adminPassword;
    private final String moderationSecret;
    private final Set<String> stopped = new HashSet<>();
    private boolean closed;

    private SystemUnderTest(LocalSettings settings, LocalSystem system, String adminPassword, String moderationSecret) {
        this.settings = settings;
        this.system = system;
        this.adminPassword = adminPassword;
        this.moderationSecret = moderationSecret;
    }

    /**
     * Starts the whole system on free ports, data and logs in {@code benchmark/target/benchmark-system}; with
     * {@code equalPriorities}, the pipeline at the CPU priority of the reader-facing services, not in the background.
     */
    static SystemUnderTest start(Path projectDir, boolean equalPriorities) throws Exception {
        Path data = emptied(projectDir.resolve("benchmark").resolve("target").resolve("benchmark-system"));
        LocalSettings settings = LocalSettings.freePorts(projectDir, data);
        Progress.say("starting commentflow on free ports (data and logs in %s)", data);
        LocalSystem system = new LocalSystem(settings)
                .withEnvironment("post-service", ServerSideLatency.HISTOGRAM_VARIABLE, "true");
        if (equalPriorities) {
            system.withEqualPriorities();
        }
        try {
            system.start();
        } catch (Exception e) {
            system.close();
            throw e;
        }
        return new SystemUnderTest(settings, system, system.secrets().adminPassword(),
                system.secrets().moderationLinks());
    }

    /** The system {@code ./run-local.sh} runs on the default ports. */
    static SystemUnderTest running(Path projectDir) throws IOException, InterruptedException {
        LocalSettings settings = LocalSettings.defaults(projectDir);
        for (String url : List.of(settings.postServiceUrl(), settings.intakeUrl(), "http://localhost:" + settings.spamFilter(),
                settings.notificationUrl())) {
            try {
                HttpResponse<Void> health = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() != 200) {
                    throw new IllegalStateException(url + "/actuator/health answered " + health.statusCode());
                }
            } catch (IOException e) {
                throw new IllegalStateException("nothing healthy at " + url + ": start commentflow with ./run-local.sh "
                        + "first, or run without --use-running", e);
            }
        }
        Properties secrets = new Properties();
        Path file = settings.dataDir().resolve("secrets.properties");
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                secrets.load(in);
            }
        }
        return new SystemUnderTest(settings, null, secrets.getProperty("admin-password"),
                secrets.getProperty("moderation-links"));
    }

    /** The processes of a system started here by name (services, "kafka", "postgres"); none with --use-running. */
    Map<String, ProcessHandle> processes() {
        return system == null ? Map.of() : system.processes();
    }

    boolean controlsProcesses() {
        return system != null;
    }

    LocalSettings settings() {
        return settings;
    }

    String adminPassword() {
        if (adminPassword == null || adminPassword.isBlank()) {
            throw new IllegalStateException("no admin password (admin-password in " + settings.dataDir()
                    .resolve("secrets.properties") + ")");
        }
        return adminPassword;
    }

    /** Approves held comments through post-service's signed moderation links. */
    Moderation moderation() {
        return new Moderation(settings.postServiceUrl(), moderationSecret == null ? "" : moderationSecret);
    }

    Set<String> stoppedServices() {
        return Set.copyOf(stopped);
    }

    /** SIGTERM, and wait until it has gone (only for a system started here). */
    void stop(String service) {
        requireControl();
        requireOpen();
        Progress.say("stopping %s", service);
        system.stop(service);
        stopped.add(service);
    }

    /** Starts a stopped service and waits until it is healthy. */
    void restart(String service) throws IOException {
        requireControl();
        requireOpen();
        Progress.say("starting %s again", service);
        system.restart(service);
        stopped.remove(service);
        Progress.say("%s is healthy", service);
    }

    /** How many emails the SMTP sink has received so far. */
    int emailCount() throws IOException, InterruptedException {
        return system != null ? system.mail().messageIds().size() : inbox().size();
    }

    /**
     * The plain text of every email received. In no particular order: the sink lists mail by mailbox, so a new
     * message may come before older ones.
     */
    List<String> emailTexts() throws IOException, InterruptedException {
        List<String> texts = new ArrayList<>();
        if (system != null) {
            for (Map<String, Object> message : system.mail().messages()) {
                texts.add(String.valueOf(message.get("text")));
            }
        } else {
            for (JsonNode message : inbox()) {
                texts.add(message.path("text").asText());
            }
        }
        return texts;
    }

    private List<JsonNode> inbox() throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(settings.inboxUrl() + "/api/messages"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        List<JsonNode> messages = new ArrayList<>();
        JSON.readTree(response.body()).forEach(messages::add);
        return messages;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    private synchronized void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the benchmark is stopping");
        }
    }

    private void requireControl() {
        if (system == null) {
            throw new IllegalStateException("services of a system started elsewhere cannot be stopped from here");
        }
    }

    private static Path emptied(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return Files.createDirectories(dir);
    }

    /** Stops what was started here; a system started elsewhere is left running (the benchmark never stops its services). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (system != null) {
            Progress.say("stopping commentflow");
            system.close();
        }
    }
}
