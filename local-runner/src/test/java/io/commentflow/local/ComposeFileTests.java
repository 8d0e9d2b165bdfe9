package io.commentflow.local;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The root docker-compose.yml cannot be run on the development machines (no Docker engine), so this test reads it
 * and checks it against what the four applications actually read: their ports, the environment variables they
 * bind (Spring relaxed binding), the secrets they need, their dependencies and the databases the PostgreSQL init
 * script creates. It catches a renamed property or a forgotten secret before anyone runs {@code docker compose up}.
 */
class ComposeFileTests {

    /** The applications built from this repository: compose service name = module directory. */
    private static final List<String> APPLICATIONS = List.of("post-service", "comment-intake", "spam-filter", "notification");

    /** Secrets without which an application does not start. */
    private static final Map<String, List<String>> REQUIRED_SECRETS = Map.of(
            "notification", List.of("COMMENTFLOW_SUBSCRIPTION_LINKS_SECRET"));

    /** Secrets two applications must share (one signs, the other verifies): variable → the services. */
    private static final Map<String, List<String>> SHARED_SECRETS = Map.of(
            "COMMENTFLOW_MODERATION_LINKS_SECRET", List.of("post-service", "notification"),
            "COMMENTFLOW_PENDING_TOKEN_SECRET", List.of("comment-intake", "post-service"));

    /** Read by the JVM or the container, not by Spring. */
    private static final Set<String> NOT_SPRING = Set.of("JAVA_TOOL_OPTIONS");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-\\[\\]]+)[:}]");
    private static final Pattern CONFIGURATION_PROPERTIES =
            Pattern.compile("@ConfigurationProperties\\(\\s*(?:prefix\\s*=\\s*|value\\s*=\\s*)?\"([^\"]+)\"");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern COMPOSE_VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

    private static Path root;
    private static Map<String, Object> compose;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    static void readComposeFile() throws IOException {
        root = repositoryRoot();
        compose = load(root.resolve("docker-compose.yml"));
        services = new LinkedHashMap<>();
        map(compose.get("services")).forEach((name, definition) -> services.put(name, map(definition)));
    }

    @Test
    void buildsEveryApplicationFromItsModule() {
        assertThat(services).containsKeys(APPLICATIONS.toArray(String[]::new));
        for (String app : APPLICATIONS) {
            Map<String, Object> build = map(services.get(app).get("build"));
            assertThat(map(build.get("args")).get("SERVICE")).as("%s build arg SERVICE", app).isEqualTo(app);
            assertThat(root.resolve(app).resolve("src/main/resources/application.yml")).exists();
        }
        assertThat(root.resolve("Dockerfile")).exists();
    }

    @Test
    void publishesEachApplicationOnThePortItListensOn() {
        for (String app : APPLICATIONS) {
            int configured = Integer.parseInt(String.valueOf(applicationYml(app).get("server.port")));
            String serverPort = environment(app).get("SERVER_PORT");
            int listening = serverPort == null ? configured : Integer.parseInt(resolve(serverPort));
            assertThat(listening).as("%s: SERVER_PORT in compose vs server.port in application.yml", app)
                    .isEqualTo(configured);
            assertThat(containerPorts(app)).as("%s: published container port", app).containsExactly(listening);
        }
    }

    @Test
    void setsOnlyEnvironmentVariablesTheApplicationsRead() {
        List<String> unread = new ArrayList<>();
        for (String app : APPLICATIONS) {
            KnownProperties known = KnownProperties.of(root.resolve(app), applicationYml(app));
            for (String variable : environment(app).keySet()) {
                if (!NOT_SPRING.contains(variable) && !known.binds(variable)) {
                    unread.add(app + ": " + variable);
                }
            }
        }
        assertThat(unread).as("environment variables no property of the application binds").isEmpty();
    }

    @Test
    void requiresEverySecretAnApplicationNeedsAndNeverDefaultsOne() {
        REQUIRED_SECRETS.forEach((app, secrets) -> {
            for (String secret : secrets) {
                assertThat(environment(app)).as("%s needs %s at start-up", app, secret).containsKey(secret);
            }
        });
        SHARED_SECRETS.forEach((secret, apps) -> {
            Set<String> values = new HashSet<>();
            for (String app : apps) {
                assertThat(environment(app)).as("%s shares %s", app, secret).containsKey(secret);
                values.add(environment(app).get(secret));
            }
            assertThat(values).as("%s is the same value in %s", secret, apps).hasSize(1);
        });
        for (String app : APPLICATIONS) {
            environment(app).forEach((variable, value) -> {
                if (variable.endsWith("_SECRET")) {
                    assertThat(value).as("%s: %s must come from the environment, required, no default", app, variable)
                            .matches("\\$\\{[A-Z0-9_]+:\\?[^}]*}");
                }
            });
        }
    }

    @Test
    void startsApplicationsOnlyAfterHealthyDependencies() {
        for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
            Object dependsOn = service.getValue().get("depends_on");
            if (dependsOn == null) {
                continue;
            }
            assertThat(dependsOn).as("%s: depends_on with conditions (a map, not a list)", service.getKey())
                    .isInstanceOf(Map.class);
            map(dependsOn).forEach((dependency, condition) -> {
                assertThat(services).as("%s depends on an unknown service", service.getKey()).containsKey(dependency);
                assertThat(map(condition).get("condition")).as("%s → %s", service.getKey(), dependency)
                        .isEqualTo("service_healthy");
                assertThat(services.get(dependency)).as("%s has a healthcheck", dependency).containsKey("healthcheck");
            });
        }
        for (String app : APPLICATIONS) {
            assertThat(services.get(app)).as("%s has a healthcheck", app).containsKey("healthcheck");
        }
    }

    @Test
    void healthChecksCanRunInTheImage() {
        for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
            Object healthcheck = service.getValue().get("healthcheck");
            if (healthcheck == null) {
                continue;
            }
            List<String> test = ((List<?>) map(healthcheck).get("test")).stream().map(String::valueOf).toList();
            String command = String.join(" ", test);
            if (command.contains("/dev/tcp")) {
                // /bin/sh is dash in the Ubuntu-based JRE image: /dev/tcp only exists in bash
                assertThat(test.subList(0, 2)).as("%s: /dev/tcp needs bash", service.getKey())
                        .containsExactly("CMD", "bash");
            }
        }
        for (String app : APPLICATIONS) {
            String command = String.valueOf(map(services.get(app).get("healthcheck")).get("test"));
            assertThat(command).as("%s: the healthcheck asks readiness", app).contains("/actuator/health/readiness");
        }
    }

    @Test
    void pointsEachApplicationAtInfrastructureItWaitsFor() {
        for (String app : APPLICATIONS) {
            Map<String, String> env = environment(app);
            Set<String> dependsOn = map(services.get(app).get("depends_on")).keySet();

            String bootstrap = resolve(env.get("SPRING_KAFKA_BOOTSTRAP_SERVERS"));
            assertThat(bootstrap).as("%s: SPRING_KAFKA_BOOTSTRAP_SERVERS", app).isNotBlank();
            for (String server : bootstrap.split(",")) {
                String host = server.substring(0, server.indexOf(':'));
                String port = server.substring(server.indexOf(':') + 1);
                assertThat(dependsOn).as("%s waits for the broker %s", app, host).contains(host);
                assertThat(String.valueOf(environment(host).get("KAFKA_LISTENERS")))
                        .as("%s: broker listener port %s", app, port).contains(":" + port);
            }

            String mailHost = env.get("SPRING_MAIL_HOST");
            if (mailHost != null) {
                assertThat(dependsOn).as("%s waits for the mail server", app).contains(resolve(mailHost));
                assertThat(containerPorts(resolve(mailHost))).as("%s: SMTP port", app)
                        .contains(Integer.parseInt(resolve(env.get("SPRING_MAIL_PORT"))));
            }
        }
        assertThat(environment("notification")).containsKey("SPRING_MAIL_HOST");
    }

    @Test
    void pointsStatefulApplicationsAtDatabasesTheInitScriptCreates() throws IOException {
        Set<String> created = new HashSet<>();
        Matcher m = Pattern.compile("(?i)CREATE\\s+DATABASE\\s+\"?(\\w+)\"?")
                .matcher(Files.readString(root.resolve("deploy/postgres-init.sql")));
        while (m.find()) {
            created.add(m.group(1));
        }
        List<?> volumes = (List<?>) services.get("postgres").get("volumes");
        assertThat(volumes).as("the init script is mounted").anySatisfy(volume -> assertThat(String.valueOf(volume))
                .startsWith("./deploy/postgres-init.sql:/docker-entrypoint-initdb.d/"));
        Map<String, String> postgres = environment("postgres");

        for (String app : List.of("post-service", "notification")) {
            Map<String, String> env = environment(app);
            String yml = String.valueOf(applicationYml(app).get("spring.datasource.url"));
            URI url = URI.create(resolve(env.get("SPRING_DATASOURCE_URL")).substring("jdbc:".length()));
            assertThat(url.getHost()).as("%s: database host", app).isEqualTo("postgres");
            assertThat(map(services.get(app).get("depends_on"))).as("%s waits for postgres", app).containsKey("postgres");
            String database = url.getPath().substring(1);
            assertThat(created).as("%s: database %s is created by deploy/postgres-init.sql", app, database)
                    .contains(database);
            assertThat(yml).as("%s: same database as application.yml", app).endsWith("/" + database);
            assertThat(env.get("SPRING_DATASOURCE_USERNAME")).as("%s: user", app).isEqualTo(postgres.get("POSTGRES_USER"));
            assertThat(env.get("SPRING_DATASOURCE_PASSWORD")).as("%s: password", app)
                    .isEqualTo(postgres.get("POSTGRES_PASSWORD"));
        }
    }

    @Test
    void understandsRelaxedBinding() {
        KnownProperties known = new KnownProperties(
                Set.of("spring.datasource.url", "commentflow.post-service-url", "commentflow.x.y", "HOSTNAME"),
                Map.of("commentflow.pending-token", Set.of("secret", "lifetime")));
        assertThat(known.binds("SPRING_DATASOURCE_URL")).isTrue();
        assertThat(known.binds("COMMENTFLOW_POST_SERVICE_URL")).isTrue();
        assertThat(known.binds("COMMENTFLOW_X_Y")).isTrue();
        assertThat(known.binds("HOSTNAME")).isTrue();
        assertThat(known.binds("COMMENTFLOW_PENDING_TOKEN_SECRET")).isTrue();
        assertThat(known.binds("COMMENTFLOW_INTAKE_URL")).isFalse();
        assertThat(known.binds("COMMENTFLOW_PENDING_TOKEN")).isFalse();
        assertThat(resolve("${A:-8080}")).isEqualTo("8080");
        assertThat(resolve("x${A:?set it}y")).isEqualTo("x<A>y");
    }

    // --- what an application reads -------------------------------------------------------------------------------

    /**
     * The property paths an application reads: application.yml's keys and its placeholders, the placeholders of
     * its {@code @Value}s, and the {@code @ConfigurationProperties} prefixes with the names of their components.
     */
    record KnownProperties(Set<String> paths, Map<String, Set<String>> prefixes) {

        static KnownProperties of(Path module, Map<String, Object> yml) {
            Set<String> paths = new HashSet<>();
            Map<String, Set<String>> prefixes = new LinkedHashMap<>();
            yml.forEach((key, value) -> {
                paths.add(key);
                addPlaceholders(String.valueOf(value), paths);
            });
            try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    addPlaceholders(source, paths);
                    Matcher m = CONFIGURATION_PROPERTIES.matcher(source);
                    while (m.find()) {
                        Set<String> identifiers = new HashSet<>();
                        Matcher id = IDENTIFIER.matcher(source);
                        while (id.find()) {
                            identifiers.add(id.group().toLowerCase(Locale.ROOT));
                        }
                        prefixes.computeIfAbsent(m.group(1), p -> new HashSet<>()).addAll(identifiers);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return new KnownProperties(paths, prefixes);
        }

        private static void addPlaceholders(String text, Set<String> paths) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                paths.add(m.group(1));
            }
        }

        /** Whether some property of the application binds this environment variable (Spring relaxed binding). */
        boolean binds(String variable) {
            List<String> words = words(variable, "_");
            if (paths.stream().anyMatch(path -> words(path, "[._\\-]").equals(words))) {
                return true;
            }
            for (Map.Entry<String, Set<String>> prefix : prefixes.entrySet()) {
                List<String> head = words(prefix.getKey(), "[.\\-]");
                if (words.size() > head.size() && words.subList(0, head.size()).equals(head)) {
                    String rest = String.join("", words.subList(head.size(), words.size()));
                    if (prefix.getValue().contains(rest)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static List<String> words(String name, String separators) {
            return Arrays.stream(name.toLowerCase(Locale.ROOT).replaceAll("[\\[\\]]", "").split(separators))
                    .filter(w -> !w.isEmpty()).toList();
        }
    }

    // --- reading the files -----------------------------------------------------------------------------------------

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a directory above %s holding docker-compose.yml", Path.of("").toAbsolutePath()).isNotNull();
        return dir;
    }

    private static Map<String, Object> load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return map(new Yaml().load(reader));
        }
    }

    /** application.yml flattened to dotted keys. */
    private static Map<String, Object> applicationYml(String app) {
        try {
            Map<String, Object> flat = new LinkedHashMap<>();
            flatten("", load(root.resolve(app).resolve("src/main/resources/application.yml")), flat);
            return flat;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void flatten(String prefix, Map<String, Object> yml, Map<String, Object> flat) {
        yml.forEach((key, value) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            flat.put(path, value);
            if (value instanceof Map<?, ?>) {
                flatten(path, map(value), flat);
            }
        });
    }

    /** A service's environment as written (merge keys resolved), values unresolved. */
    private static Map<String, String> environment(String service) {
        Object environment = services.get(service).get("environment");
        Map<String, String> env = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> m) {
            m.forEach((k, v) -> env.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        } else if (environment instanceof List<?> list) {
            for (Object entry : list) {
                String[] kv = String.valueOf(entry).split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : null);
            }
        }
        return env;
    }

    private static List<Integer> containerPorts(String service) {
        List<?> ports = (List<?>) services.get(service).get("ports");
        assertThat(ports).as("%s publishes ports", service).isNotEmpty();
        return ports.stream().map(String::valueOf).map(p -> p.substring(p.lastIndexOf(':') + 1).replace("/tcp", ""))
                .map(ComposeFileTests::resolve).map(Integer::valueOf).toList();
    }

    /** Compose interpolation with an empty environment: defaults apply, a required variable shows as {@code <NAME>}. */
    static String resolve(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = COMPOSE_VARIABLE.matcher(value.replace("$$", "\u0000"));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String operator = m.group(2);
            String replacement = operator == null ? "" : operator.endsWith("?") ? "<" + m.group(1) + ">" : m.group(3);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString().replace("\u0000", "$");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
