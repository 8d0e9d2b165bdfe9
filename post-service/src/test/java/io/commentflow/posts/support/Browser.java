package io.commentflow.posts.support;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser without JavaScript for the admin area: keeps cookies (the session), follows no redirects by itself,
 * and submits forms the way a browser would, hidden fields (the CSRF token) included.
 */
public final class Browser {

    private final String base;
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public Browser(Environment environment) {
        this.base = "http://localhost:" + environment.getProperty("local.server.port");
    }

    public record Response(int status, String location, String body, java.net.http.HttpHeaders headers) {

        public Document document() {
            return Jsoup.parse(body);
        }

        /** The path the response redirects to, without scheme, host and port. */
        public String redirectPath() {
            URI uri = URI.create(location);
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** Follows redirects of a GET until a page answers. */
    public Response open(String path) {
        Response response = get(path);
        for (int hops = 0; hops < 5 && response.status() / 100 == 3; hops++) {
            response = get(response.redirectPath());
        }
        return response;
    }

    public Response post(String path, List<Map.Entry<String, String>> fields) {
        String body = fields.stream()
                .map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Submits a form of the page as a browser would: its hidden and checked fields, the given extra fields, to the
     * form's action or {@code formAction} (the button's {@code formaction}).
     */
    public Response submit(Element form, String formAction, List<Map.Entry<String, String>> extra) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (Element input : form.select("input[name]")) {
            String type = input.attr("type");
            boolean checkable = type.equals("checkbox") || type.equals("radio");
            if (type.equals("hidden") || (checkable && input.hasAttr("checked"))) {
                fields.add(Map.entry(input.attr("name"), input.val()));
            }
        }
        fields.addAll(extra);
        String action = formAction != null ? formAction : form.attr("action");
        return post(action, fields);
    }

    /** Logs in through the login form; returns the response to the login POST. */
    public Response logIn(String username, String password) {
        Document login = get("/login").document();
        Element form = login.selectFirst("form[action=/login]");
        assertThat(form).as("login form").isNotNull();
        return submit(form, null, List.of(Map.entry("username", username), Map.entry("password", password)));
    }

    public Response logInAsAdmin() {
        Response response = logIn(PostServiceIntegrationTest.ADMIN_USERNAME, PostServiceIntegrationTest.ADMIN_PASSWORD);
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.redirectPath()).doesNotContain("error");
        return response;
    }

    public static Optional<String> csrfToken(Document page) {
        return Optional.ofNullable(page.selectFirst("input[name=_csrf]")).map(Element::val);
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base + path);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                    response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
