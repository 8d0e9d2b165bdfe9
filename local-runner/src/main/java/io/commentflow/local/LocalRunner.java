package io.commentflow.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar local-runner/target/local-runner.jar}: starts commentflow locally, prints where to look, and
 * stops everything it started on Ctrl-C or SIGTERM.
 */
public final class LocalRunner {

    private static final Logger log = LoggerFactory.getLogger(LocalRunner.class);

    private LocalRunner() {
    }

    public static void main(String[] args) throws Exception {
        Path projectDir = LocalSettings.findProjectDir(Path.of(""));
        LocalSystem system = new LocalSystem(LocalSettings.defaults(projectDir));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping commentflow");
            system.close();
            log.info("stopped");
            stopped.countDown();
        }, "commentflow-stop"));
        try {
            system.start();
        } catch (Exception e) {
            log.error("commentflow did not start: {}", e.getMessage());
            System.exit(1);
        }
        printWelcome(system.settings());
        stopped.await();
    }

    private static void printWelcome(LocalSettings s) {
        String demo = demoPostLink(s);
        System.out.printf("""

                commentflow is running. Ctrl-C stops everything.

                  Blog (post-service)      %s/
                  Demo post                %s
                  Moderation               %s/admin   (user admin, password: admin-password in %s)
                  Comment intake (JSON)    POST %s/api/comments
                  spam-filter              http://localhost:%d/actuator/health
                  notification             http://localhost:%d/actuator/health
                  Inbox (SMTP sink)        %s/   (JSON: %s/api/messages, SMTP on localhost:%d)
                  Kafka                    %s (controller localhost:%d)
                  PostgreSQL               localhost:%d (user postgres)
                  Data and logs            %s

                """, s.postServiceUrl(), demo, s.postServiceUrl(), s.dataDir().resolve("secrets.properties"),
                s.intakeUrl(), s.spamFilter(), s.notification(), s.inboxUrl(), s.inboxUrl(), s.smtp(), s.kafkaBootstrap(), s.kafkaController(), s.postgres(), s.dataDir());
    }

    /** The first post's page, read from post-service's public API. */
    private static String demoPostLink(LocalSettings s) {
        try {
            HttpResponse<String> posts = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(s.postServiceUrl() + "/api/posts")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher link = Pattern.compile("\"link\"\\s*:\\s*\"([^\"]+)\"").matcher(posts.body());
            return link.find() ? link.group(1) : s.postServiceUrl() + "/";
        } catch (Exception e) {
            return s.postServiceUrl() + "/";
        }
    }
}
