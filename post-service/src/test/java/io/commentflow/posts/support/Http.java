package io.commentflow.posts.support;

import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A plain HTTP client for the running service (the JDK's), shaped like TestRestTemplate's methods (a String
 * entity body is sent as it is). No cookies, no redirects followed.
 * TestRestTemplate itself needs spring-boot-restclient, which this offline build does not have.
 */
public final class Http {

    private final Environment environment;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Http(Environment environment) {
        this.environment = environment;
    }

    public ResponseEntity<String> getForEntity(String path, Class<String> type) {
        return exchange(path, HttpMethod.GET, HttpEntity.EMPTY, type);
    }

    public String getForObject(String path, Class<String> type) {
        return getForEntity(path, type).getBody();
    }

    public ResponseEntity<String> exchange(String path, HttpMethod method, HttpEntity<?> entity, Class<String> type) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + environment.getProperty("local.server.port") + path))
                .timeout(Duration.ofSeconds(30))
                .method(method.name(), entity.getBody() instanceof String body
                        ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
        entity.getHeaders().forEach((name, values) -> values.forEach(value -> request.header(name, value)));
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            HttpHeaders headers = new HttpHeaders();
            response.headers().map().forEach((name, values) -> {
                if (!name.startsWith(":")) {
                    headers.addAll(name, values);
                }
            });
            return new ResponseEntity<>(response.body(), headers, HttpStatusCode.valueOf(response.statusCode()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
