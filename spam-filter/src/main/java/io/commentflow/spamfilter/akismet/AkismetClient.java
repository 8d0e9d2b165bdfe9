package io.commentflow.spamfilter.akismet;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Akismet's REST protocol over the Micronaut HTTP client (JDK implementation, no Micronaut container): form-encoded
 * POSTs to {@code <endpoint>/1.1/<call>} with the key as {@code api_key} in the body, so it is never in a URL, a log
 * line or an exception message. Every call is bounded by the timeout and goes through one circuit breaker: once
 * Akismet keeps failing or crawling, calls stop at once until it has had time to recover.
 */
class AkismetClient implements AutoCloseable {

    /** What Akismet said about a comment. */
    enum Outcome { SPAM, DISCARD, HAM, INVALID, UNAVAILABLE, NOT_ASKED }

    /**
     * @param detail for INVALID what Akismet's debug header says, for UNAVAILABLE why there was no answer; NOT_ASKED
     *               means the circuit breaker is open
     */
    record Answer(Outcome outcome, String detail) {
    }

    private static final Logger log = LoggerFactory.getLogger(AkismetClient.class);
    private static final String USER_AGENT = "commentflow/0.1 | commentflow-akismet/0.1";
    private static final int DETAIL_LENGTH = 200;

    private final AkismetProperties properties;
    private final HttpClient client;
    private final String basePath;
    private final CircuitBreaker breaker;

    AkismetClient(AkismetProperties properties) {
        this.properties = properties;
        URI endpoint = properties.endpoint();
        String path = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setConnectTimeout(properties.timeout());
        configuration.setReadTimeout(properties.timeout());
        configuration.setFollowRedirects(false);
        try {
            this.client = HttpClient.create(URI.create(endpoint.getScheme() + "://" + endpoint.getRawAuthority()).toURL(),
                    configuration);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("commentflow.akismet.endpoint is not a URL: " + endpoint, e);
        }
        this.breaker = CircuitBreaker.of("akismet", breakerConfig(properties.circuitBreaker()));
        breaker.getEventPublisher().onStateTransition(event -> log.warn("Akismet circuit breaker {} ({})",
                event.getStateTransition(), event.getStateTransition().getToState() == CircuitBreaker.State.OPEN
                        ? "Akismet is not asked for " + properties.circuitBreaker().waitInOpenState()
                        : "asking Akismet again"));
    }

    private static CircuitBreakerConfig breakerConfig(AkismetProperties.CircuitBreaker settings) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                .failureRateThreshold(settings.failureRateThreshold())
                .slowCallDurationThreshold(settings.slowCallDuration())
                .slowCallRateThreshold(settings.slowCallRateThreshold())
                .waitDurationInOpenState(settings.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpenState())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build();
    }

    /** {@code /1.1/comment-check}: {@code true} is spam ({@code X-akismet-pro-tip: discard}: blatant), {@code false} ham. */
    Answer check(Map<String, String> fields) {
        Reply reply;
        try {
            reply = breaker.executeSupplier(() -> expect(post("comment-check", fields), "true", "false", "invalid"));
        } catch (CallNotPermittedException e) {
            return new Answer(Outcome.NOT_ASKED, describe(e));
        } catch (RuntimeException e) {
            return new Answer(Outcome.UNAVAILABLE, describe(e));
        }
        return switch (reply.body()) {
            case "true" -> "discard".equalsIgnoreCase(reply.proTip())
                    ? new Answer(Outcome.DISCARD, null) : new Answer(Outcome.SPAM, null);
            case "false" -> new Answer(Outcome.HAM, null);
            default -> new Answer(Outcome.INVALID, reply.trouble());
        };
    }

    /**
     * {@code /1.1/submit-spam} (spam Akismet missed) or {@code /1.1/submit-ham} (a comment it wrongly called spam),
     * with the fields of the original check.
     *
     * @return what went wrong, empty when Akismet took the report
     */
    Optional<String> submit(boolean spam, Map<String, String> fields) {
        try {
            Reply reply = breaker.executeSupplier(() -> post(spam ? "submit-spam" : "submit-ham", fields));
            // "Thanks for making the web a better place." is the only success
            return reply.body().startsWith("Thanks") ? Optional.empty() : Optional.of("answered '"
                    + shorten(reply.body()) + "'" + (reply.trouble() == null ? "" : " (" + reply.trouble() + ")"));
        } catch (RuntimeException e) {
            return Optional.of(describe(e));
        }
    }

    /**
     * {@code /1.1/verify-key}, once at start-up: says early whether the key works, and starts the HTTP client (its first
     * call costs a second or two) before comments wait on it.
     */
    void verifyKey() {
        try {
            Reply reply = post("verify-key", Map.of("blog", properties.blog()));
            if (reply.body().equals("valid")) {
                log.info("Akismet enabled: the key is valid for blog {} at {}", properties.blog(), properties.endpoint());
            } else {
                log.warn("Akismet rejected the key for blog {} at {} ({}); comments keep their local verdict until "
                        + "it is fixed", properties.blog(), properties.endpoint(), reply.trouble());
            }
        } catch (RuntimeException e) {
            log.warn("Akismet at {} could not be reached at start-up ({}); asking again with each comment",
                    properties.endpoint(), describe(e));
        }
    }

    CircuitBreaker.State state() {
        return breaker.getState();
    }

    private Reply post(String call, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", properties.key());
        form.putAll(fields);
        if (properties.testMode()) {
            form.put("is_test", "1");
        }
        HttpRequest<String> request = HttpRequest.POST(basePath + "/1.1/" + call, encode(form))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .header("User-Agent", USER_AGENT);
        HttpResponse<String> response = client.toBlocking().exchange(request, String.class);
        return new Reply(response.getBody(String.class).orElse("").strip(),
                response.getHeaders().get("X-akismet-pro-tip"),
                firstOf(response.getHeaders().get("X-akismet-debug-help"), response.getHeaders().get("X-akismet-error")));
    }

    /** An answer outside the protocol is a failure, counted by the breaker like an error. */
    private static Reply expect(Reply reply, String... bodies) {
        for (String body : bodies) {
            if (reply.body().equals(body)) {
                return reply;
            }
        }
        throw new IllegalStateException("unexpected answer '" + shorten(reply.body()) + "'");
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Why there was no answer, in a few words for the reason a moderator reads; never the request. */
    private String describe(Throwable e) {
        if (e instanceof CallNotPermittedException) {
            return "circuit breaker open after repeated failures";
        }
        if (e instanceof HttpClientResponseException response) {
            return "HTTP " + response.code();
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException
                    || cause instanceof io.micronaut.http.client.exceptions.ReadTimeoutException
                    || String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("timed out")) {
                return "no answer within " + properties.timeout().toMillis() + " ms";
            }
            if (cause instanceof ConnectException) {
                return "connection refused";
            }
            if (cause instanceof IllegalStateException && cause.getMessage() != null
                    && cause.getMessage().startsWith("unexpected answer")) {
                return cause.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }

    private static String firstOf(String a, String b) {
        return a != null ? shorten(a) : b == null ? null : shorten(b);
    }

    private static String shorten(String text) {
        return text.length() <= DETAIL_LENGTH ? text : text.substring(0, DETAIL_LENGTH) + "…";
    }

    @Override
    public void close() {
        client.close();
    }

    private record Reply(String body, String proTip, String trouble) {
    }
}
