package io.commentflow.notification.webhook;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WebhookPropertiesTests {

    @Test
    void backsOffExponentiallyUpToTheMaximum() {
        WebhookProperties properties = properties(List.of());

        assertThat(properties.backOffAfter(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.backOffAfter(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.backOffAfter(3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(properties.backOffAfter(20)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void listensToBothEventsUnlessToldOtherwise() {
        WebhookProperties.Endpoint endpoint = new WebhookProperties.Endpoint("slack", URI.create("https://hooks.example/x"),
                WebhookProperties.Format.SLACK, null, null);

        assertThat(endpoint.events()).containsExactlyInAnyOrder(WebhookProperties.Event.PUBLISHED, WebhookProperties.Event.HELD);
    }

    @Test
    void refusesEndpointsItCannotSignOrReach() {
        assertThatIllegalArgumentException().isThrownBy(() -> new WebhookProperties.Endpoint("generic",
                URI.create("https://hooks.example/x"), WebhookProperties.Format.GENERIC, null, Set.of()))
                .withMessageContaining("secret");
        assertThatIllegalArgumentException().isThrownBy(() -> new WebhookProperties.Endpoint("ftp",
                URI.create("ftp://hooks.example/x"), WebhookProperties.Format.SLACK, null, Set.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> new WebhookProperties.Endpoint("bad name!",
                URI.create("https://hooks.example/x"), WebhookProperties.Format.SLACK, null, Set.of()));
        WebhookProperties.Endpoint one = new WebhookProperties.Endpoint("same", URI.create("https://a.example/"),
                WebhookProperties.Format.SLACK, null, Set.of());
        assertThatIllegalArgumentException().isThrownBy(() -> properties(List.of(one, one)));
    }

    private static WebhookProperties properties(List<WebhookProperties.Endpoint> endpoints) {
        return new WebhookProperties(endpoints, Duration.ofSeconds(2), Duration.ofSeconds(5), 2, Duration.ofMinutes(10), 12,
                Duration.ofSeconds(5), Duration.ofSeconds(10));
    }
}
