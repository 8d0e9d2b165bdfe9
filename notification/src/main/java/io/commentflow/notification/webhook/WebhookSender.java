package io.commentflow.notification.webhook;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Posts one webhook delivery with the Micronaut HTTP client (JDK implementation, no Micronaut container): one
 * client per endpoint origin, created on first use, closed with the application context.
 */
@Component
class WebhookSender implements DisposableBean {

    /** What the endpoint said: an HTTP status, or no answer at all (status null). */
    record Result(Integer status, String error) {

        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }

        /** A 4xx other than 408 and 429 will not get better by trying again. */
        boolean permanent() {
            return status != null && status >= 400 && status < 500 && status != 408 && status != 429;
        }
    }

    private final WebhookProperties properties;
    private final Clock clock;
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();

    WebhookSender(WebhookProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    Result send(WebhookProperties.Endpoint endpoint, WebhookOutbox.Delivery delivery) {
        URI url = endpoint.url();
        MutableHttpRequest<byte[]> request = HttpRequest.POST(pathAndQuery(url), delivery.payload())
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("User-Agent", "commentflow-webhooks")
                .header("X-Commentflow-Event", delivery.event())
                .header("X-Commentflow-Delivery", delivery.id().toString());
        if (endpoint.secret() != null && !endpoint.secret().isBlank()) {
            long timestamp = clock.instant().getEpochSecond();
            request.header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER,
                            WebhookSignature.sign(endpoint.secret(), timestamp, delivery.payload()));
        }
        try {
            HttpResponse<String> response = client(url).toBlocking().exchange(request, String.class);
            return new Result(response.code(), null);
        } catch (HttpClientResponseException e) {
            return new Result(e.code(), "HTTP " + e.code());
        } catch (RuntimeException e) {
            return new Result(null, e.getClass().getSimpleName());
        }
    }

    private HttpClient client(URI url) {
        String origin = url.getScheme() + "://" + url.getRawAuthority();
        return clients.computeIfAbsent(origin, key -> {
            DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
            configuration.setConnectTimeout(properties.connectTimeout());
            configuration.setReadTimeout(properties.readTimeout());
            configuration.setFollowRedirects(false);
            try {
                return HttpClient.create(new URL(key), configuration);
            } catch (MalformedURLException e) {
                throw new IllegalStateException("webhook URL origin is not a URL", e);
            }
        });
    }

    private static String pathAndQuery(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    @Override
    public void destroy() {
        clients.values().forEach(HttpClient::close);
        clients.clear();
    }
}
