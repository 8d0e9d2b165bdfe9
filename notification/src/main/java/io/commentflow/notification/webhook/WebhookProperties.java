package io.commentflow.notification.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The site's outbound webhooks (none by default), e.g. in the environment:
 * {@code COMMENTFLOW_WEBHOOKS_ENDPOINTS_0_NAME=team-slack}, {@code COMMENTFLOW_WEBHOOKS_ENDPOINTS_0_URL=https://hooks.slack.com/...},
 * {@code COMMENTFLOW_WEBHOOKS_ENDPOINTS_0_FORMAT=slack}, {@code COMMENTFLOW_WEBHOOKS_ENDPOINTS_0_SECRET=...}.
 * A failed delivery is retried after {@code initialBackOff}, times {@code multiplier} each attempt, at most
 * {@code maxBackOff} apart, {@code maxAttempts} attempts in all.
 */
@ConfigurationProperties("commentflow.webhooks")
record WebhookProperties(
        @DefaultValue List<Endpoint> endpoints,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("5s") Duration initialBackOff,
        @DefaultValue("2") double multiplier,
        @DefaultValue("10m") Duration maxBackOff,
        @DefaultValue("12") int maxAttempts,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout) {

    enum Format { GENERIC, SLACK }

    enum Event {
        PUBLISHED("comment.published"), HELD("comment.held");

        private final String wireName;

        Event(String wireName) {
            this.wireName = wireName;
        }

        String wireName() {
            return wireName;
        }
    }

    /**
     * @param name   a stable name (the delivery log is keyed by it), letters, digits, '-' and '_'
     * @param secret signs every request (X-Commentflow-Signature); required for the generic format
     * @param events which events it gets; both when empty
     */
    record Endpoint(String name, URI url, @DefaultValue("generic") Format format, String secret, Set<Event> events) {

        Endpoint {
            if (name == null || !name.matches("[A-Za-z0-9_-]{1,100}")) {
                throw new IllegalArgumentException("commentflow.webhooks.endpoints[].name must be 1-100 letters, digits, - or _");
            }
            String scheme = url == null || url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
                throw new IllegalArgumentException("webhook " + name + ": url must be an http(s) URL");
            }
            if (format == Format.GENERIC && (secret == null || secret.length() < 16)) {
                throw new IllegalArgumentException("webhook " + name + ": a generic webhook needs a secret of at least 16 characters");
            }
            events = events == null || events.isEmpty() ? Set.of(Event.values()) : Set.copyOf(new HashSet<>(events));
        }
    }

    WebhookProperties {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("commentflow.webhooks.max-attempts must be at least 1");
        }
        if (endpoints.stream().map(Endpoint::name).distinct().count() != endpoints.size()) {
            throw new IllegalArgumentException("commentflow.webhooks.endpoints[].name must be unique");
        }
    }

    /** How long to wait after the given number of failed attempts. */
    Duration backOffAfter(int failedAttempts) {
        double millis = initialBackOff.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        return Duration.ofMillis((long) Math.min(millis, maxBackOff.toMillis()));
    }
}
