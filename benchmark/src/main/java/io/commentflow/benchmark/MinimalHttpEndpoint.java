package io.commentflow.benchmark;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import java.util.UUID;

/**
 * The floor under comment-intake: the same stack (Spring Boot, Spring MVC on Tomcat, Jackson, default settings)
 * with one controller that reads the same JSON body and answers 202 with a small JSON receipt and a Location,
 * doing nothing else. Started in this process on a free port.
 */
final class MinimalHttpEndpoint implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final int port;

    private MinimalHttpEndpoint(ConfigurableApplicationContext context, int port) {
        this.context = context;
        this.port = port;
    }

    static MinimalHttpEndpoint start() {
        int port = freePort();
        // Boot must not take over the benchmark's logging
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.SERVLET)
                .properties(Map.of(
                        "server.port", port,
                        "server.address", "127.0.0.1",
                        "spring.main.banner-mode", "off",
                        "spring.main.log-startup-info", "false",
                        "spring.jmx.enabled", "false"))
                .run();
        return new MinimalHttpEndpoint(context, port);
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        context.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(AcceptingController.class)
    static class App {
    }

    @RestController
    static class AcceptingController {

        /** Reads the comment as intake does (JSON into an object), accepts it, and forgets it. */
        @PostMapping(path = "/api/comments", consumes = MediaType.APPLICATION_JSON_VALUE)
        ResponseEntity<Map<String, String>> accept(@RequestBody Map<String, Object> comment) {
            String id = UUID.randomUUID().toString();
            URI location = URI.create("http://localhost/api/comments/" + id);
            return ResponseEntity.accepted().location(location).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("id", id, "status", "submitted", "location", location.toString()));
        }
    }
}
