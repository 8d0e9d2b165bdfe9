package io.commentflow.spamfilter.akismet;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.net.URI;
import java.time.Duration;

/** Akismet settings for tests: the application's defaults, against the given endpoint. */
final class Akismet {

    static final String KEY = "k3y-0f3c9a7e51";

    private Akismet() {
    }

    static AkismetProperties properties(URI endpoint, String key, Duration timeout) {
        return new AkismetProperties(key, endpoint, "https://blog.example", "https://blog.example/posts/{postId}",
                "en", "comment_website_confirm", timeout, 8, 500, 100, false,
                new AkismetProperties.CircuitBreaker(50, Duration.ofSeconds(1), 80, 20, 5, Duration.ofSeconds(30), 2));
    }

    static AkismetPhase phase(AkismetClient client, AkismetProperties properties, RecentComments recent) {
        return phase(client, properties, recent, new SimpleMeterRegistry());
    }

    static AkismetPhase phase(AkismetClient client, AkismetProperties properties, RecentComments recent,
                              MeterRegistry meters) {
        return new AkismetPhase(client, new AkismetFields(properties), recent, properties.concurrency(),
                new AkismetMetrics(meters, client));
    }
}
