package io.commentflow.local;

import io.commentflow.schemas.TopicDefinitions;
import io.commentflow.schemas.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The whole of commentflow on one machine: PostgreSQL, a Kafka broker process, an SMTP sink with an inbox, and the
 * four services, each from its built jar in its own process. {@link #close()} stops everything it started.
 */
public final class LocalSystem implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalSystem.class);
    private static final Duration SERVICE_START = Duration.ofSeconds(180);
    static final List<String> SERVICES = List.of("post-service", "comment-intake", "spam-filter", "notification");
    /** Work no reader waits for: it runs on the cores the reader-facing services leave ({@link BackgroundPriority}). */
    static final Set<String> BACKGROUND = Set.of("spam-filter", "notification", "kafka");

    /** Four services and a broker share the machine: a bounded heap each, and the collector with least overhead. */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC");

    private final LocalSettings settings;
    private LocalSecrets secrets;
    private final Map<String, ChildProcess> services = new java.util.LinkedHashMap<>();
    private final Map<String, Map<String, String>> overrides = new HashMap<>();
    private final Map<String, List<String>> jvmOptions = new HashMap<>();
    private BackgroundPriority background = BackgroundPriority.onThisMachine();
    private ChildProcess broker;
    private MailSink mail;
    private EmbeddedDatabase database;

    public LocalSystem(LocalSettings settings) {
        this.settings = settings;
    }

    /** Sets an environment variable for one service, before {@link #start()}: tests and benchmarks tune with it. */
    public LocalSystem withEnvironment(String service, String name, String value) {
        overrides.computeIfAbsent(service, s -> new HashMap<>()).put(name, value);
        return this;
    }

    /** Replaces a service's JVM options (default {@link #DEFAULT_JVM_OPTIONS}), before {@link #start()}. */
    public LocalSystem withJvmOptions(String service, String... options) {
        jvmOptions.put(service, List.of(options));
        return this;
    }

    /** Runs every process at the runner's own priority, not the pipeline at background priority: for comparisons. */
    public LocalSystem withEqualPriorities() {
        background = BackgroundPriority.none();
        return this;
    }

    /** Starts everything: PostgreSQL, the Kafka broker process, the SMTP sink, then the services. */
    public LocalSystem start() throws Exception {
        try {
            return startInfrastructureAndServices();
        } catch (Exception | Error e) {
            close(); // whatever did start must not outlive a failed start
            throw e;
        }
    }

    private LocalSystem startInfrastructureAndServices() throws Exception {
        checkPortsFree(true);
        log.info("starting PostgreSQL, Kafka and the SMTP sink (data in {})", settings.dataDir());
        log.info("spam-filter, notification and the broker run {}", background.describe());
        broker = ChildProcess.start("kafka", priority("kafka", List.of(java(), "-Xms256m", "-Xmx1g", "-cp",
                        System.getProperty("java.class.path"), KafkaBrokerProcess.class.getName(),
                        settings.dataDir().resolve("kafka").toString(), String.valueOf(settings.kafka()),
                        String.valueOf(settings.kafkaController()))),
                Map.of(), settings.dataDir().resolve("logs"));
        startMail();
        database = EmbeddedDatabase.start(settings.dataDir().resolve("postgres"), settings.postgres());
        broker.awaitLogLine("Kafka broker ready", Duration.ofSeconds(90));
        return startServices(settings.kafkaBootstrap(), database::database, EmbeddedDatabase.USER, "");
    }

    /**
     * Starts the SMTP sink and the services against a broker and a PostgreSQL server run by someone else
     * (Testcontainers, or a shared environment).
     */
    public LocalSystem startOn(String kafkaBootstrap, Databases databases, String dbUser, String dbPassword)
            throws Exception {
        try {
            checkPortsFree(false);
            startMail();
            return startServices(kafkaBootstrap, databases, dbUser, dbPassword);
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    /** Creates a database unless it exists and returns its JDBC URL. */
    public interface Databases {
        String database(String name) throws Exception;
    }

    private void startMail() throws IOException {
        mail = new MailSink(settings.smtp(), settings.inbox());
        mail.start();
    }

    private LocalSystem startServices(String kafkaBootstrap, Databases databases, String dbUser, String dbPassword)
            throws Exception {
        Path logs = settings.dataDir().resolve("logs");
        Map<String, Path> jars = serviceJars();
        secrets = LocalSecrets.loadOrCreate(settings.dataDir());
        String postsDb = databases.database("commentflow_posts");
        String notificationsDb = databases.database("commentflow_notifications");
        createTopics(kafkaBootstrap);

        log.info("starting the services (logs in {})", logs);
        Map<String, Map<String, String>> environments = Map.of(
                "post-service", env(settings.postService(), Map.of(
                        "SPRING_DATASOURCE_URL", postsDb,
                        "SPRING_DATASOURCE_USERNAME", dbUser,
                        "SPRING_DATASOURCE_PASSWORD", dbPassword), kafkaBootstrap),
                "comment-intake", env(settings.intake(), Map.of(), kafkaBootstrap),
                "spam-filter", env(settings.spamFilter(), Map.of(), kafkaBootstrap),
                "notification", env(settings.notification(), Map.of(
                        "SPRING_DATASOURCE_URL", notificationsDb,
                        "SPRING_DATASOURCE_USERNAME", dbUser,
                        "SPRING_DATASOURCE_PASSWORD", dbPassword,
                        "SPRING_MAIL_HOST", "localhost",
                        "SPRING_MAIL_PORT", String.valueOf(settings.smtp())), kafkaBootstrap));
        for (String service : SERVICES) {
            Map<String, String> environment = new HashMap<>(environments.get(service));
            environment.putAll(overrides.getOrDefault(service, Map.of()));
            List<String> command = new ArrayList<>();
            command.add(java());
            command.addAll(jvmOptions.getOrDefault(service, DEFAULT_JVM_OPTIONS));
            command.addAll(List.of("-jar", jars.get(service).toString()));
            services.put(service, ChildProcess.start(service, priority(service, command), environment, logs));
        }
        List<CompletableFuture<Void>> healthy = new ArrayList<>();
        for (ChildProcess service : services.values()) {
            healthy.add(CompletableFuture.runAsync(() -> awaitHealthy(service)));
        }
        try {
            CompletableFuture.allOf(healthy.toArray(CompletableFuture[]::new)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
        return this;
    }

    private List<String> priority(String process, List<String> command) {
        return BACKGROUND.contains(process) ? background.wrap(command) : command;
    }

    private void awaitHealthy(ChildProcess service) {
        try {
            service.awaitHealthy(healthUrl(service.name()), SERVICE_START);
            log.info("{} is healthy", service.name());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- fault injection: what the fault-injection suite and the benchmark do to a running system ----

    /** kill -9 a service. */
    public void kill(String service) throws InterruptedException {
        services.get(service).kill();
    }

    /** SIGTERM a service and wait until it has stopped (graceful shutdown). */
    public void stop(String service) {
        services.get(service).close();
    }

    /** Starts a stopped or killed service again and waits until it is healthy. */
    public void restart(String service) throws IOException {
        ChildProcess process = services.get(service);
        process.restart();
        awaitHealthy(process);
    }

    public void stopBroker() {
        broker.close();
    }

    public void startBroker() throws IOException, InterruptedException {
        broker.restart();
        broker.awaitLogLine("Kafka broker ready", Duration.ofSeconds(90));
    }

    public void stopSmtp() {
        mail.stopSmtp();
    }

    public void startSmtp() {
        mail.startSmtp();
    }

    public void stopDatabase() throws IOException {
        database.close();
    }

    public void startDatabase() throws IOException {
        database = EmbeddedDatabase.start(settings.dataDir().resolve("postgres"), settings.postgres());
    }

    /**
     * The processes of the running system by name: each service, "kafka" and "postgres" (whose backends are its
     * descendants); what runs in this JVM (the SMTP sink) is not among them.
     */
    public Map<String, ProcessHandle> processes() {
        Map<String, ProcessHandle> processes = new LinkedHashMap<>();
        services.forEach((name, service) -> service.handle().ifPresent(handle -> processes.put(name, handle)));
        if (broker != null) {
            broker.handle().ifPresent(handle -> processes.put("kafka", handle));
        }
        if (database != null) {
            database.handle().ifPresent(handle -> processes.put("postgres", handle));
        }
        return processes;
    }

    public LocalSettings settings() {
        return settings;
    }

    public LocalSecrets secrets() {
        return secrets;
    }

    public MailSink mail() {
        return mail;
    }

    public String healthUrl(String service) {
        int port = switch (service) {
            case "post-service" -> settings.postService();
            case "comment-intake" -> settings.intake();
            case "spam-filter" -> settings.spamFilter();
            case "notification" -> settings.notification();
            default -> throw new IllegalArgumentException(service);
        };
        return "http://localhost:" + port + "/actuator/health";
    }

    private Map<String, String> env(int port, Map<String, String> extra, String kafkaBootstrap) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
        env.put("COMMENTFLOW_POST_SERVICE_URL", settings.postServiceUrl());
        env.put("COMMENTFLOW_INTAKE_URL", settings.intakeUrl());
        env.put("COMMENTFLOW_NOTIFICATION_URL", settings.notificationUrl());
        env.put("COMMENTFLOW_PENDING_TOKEN_SECRET", secrets.pendingToken());
        env.put("COMMENTFLOW_MODERATION_LINKS_SECRET", secrets.moderationLinks());
        env.put("COMMENTFLOW_SUBSCRIPTION_LINKS_SECRET", secrets.subscriptionLinks());
        env.put("COMMENTFLOW_ADMIN_USERNAME", "admin");
        env.put("COMMENTFLOW_ADMIN_PASSWORD", secrets.adminPassword());
        return env;
    }

    /** All topics up front, so the services never race each other to create them. */
    private void createTopics(String kafkaBootstrap) throws InterruptedException, ExecutionException {
        List<NewTopic> topics = Topics.all().stream()
                .flatMap(topic -> TopicDefinitions.withDeadLetter(topic, 6, (short) 1).stream())
                .toList();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            try {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("Kafka did not create the topics within 30 s", e);
            }
            log.info("topics ready: {}", topics.stream().map(NewTopic::name).collect(Collectors.joining(", ")));
        }
    }

    private Map<String, Path> serviceJars() {
        Map<String, Path> jars = new HashMap<>();
        for (String service : SERVICES) {
            Path jar = settings.projectDir().resolve(service).resolve("target").resolve(service + ".jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: build first with mvn -DskipTests package");
            }
            jars.put(service, jar);
        }
        return jars;
    }

    private void checkPortsFree(boolean withInfrastructure) {
        Map<String, Integer> ports = new HashMap<>(Map.of("post-service", settings.postService(),
                "comment-intake", settings.intake(), "spam-filter", settings.spamFilter(),
                "notification", settings.notification(), "SMTP", settings.smtp(), "inbox", settings.inbox()));
        if (withInfrastructure) {
            ports.putAll(Map.of("Kafka", settings.kafka(), "Kafka controller", settings.kafkaController(),
                    "PostgreSQL", settings.postgres()));
        }
        List<String> busy = new ArrayList<>();
        ports.forEach((what, port) -> {
            try (ServerSocket socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                busy.add(what + " (" + port + ")");
            }
        });
        if (!busy.isEmpty()) {
            throw new IllegalStateException("ports already in use: " + String.join(", ", busy)
                    + ". Is commentflow already running?");
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    @Override
    public void close() {
        // services first, all at once, so none of them spends its grace period complaining about the broker
        List<CompletableFuture<Void>> stopping = services.values().stream()
                .map(s -> CompletableFuture.runAsync(s::close)).toList();
        stopping.forEach(CompletableFuture::join);
        if (broker != null) {
            quietly(broker::close);
        }
        if (mail != null) {
            quietly(mail::close);
        }
        if (database != null) {
            quietly(database::close);
        }
    }

    private static void quietly(ThrowingRunnable action) {
        try {
            action.run();
        } catch (Exception e) {
            log.warn("while stopping: {}", e.toString());
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
