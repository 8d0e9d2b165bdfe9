package io.commentflow.posts.system;

import com.github.benmanes.caffeine.cache.LoadingCache;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PublicCachePropertiesTests {

    @Test
    void piecesInUseAreReloadedOnThreadsKeptForItNotOnANewThreadEachTime() {
        Set<String> loadedOn = ConcurrentHashMap.newKeySet();
        AtomicInteger loads = new AtomicInteger();
        // pieces live 1 s and are reloaded when read after 500 ms (a reload has 500 ms to finish before expiry)
        PublicCacheProperties properties = new PublicCacheProperties(Duration.ofSeconds(2), DataSize.ofMegabytes(1));
        LoadingCache<String, String> cache = properties.piece().build(key -> {
            loadedOn.add(Thread.currentThread().getName());
            loads.incrementAndGet();
            return key;
        });
        String reader = Thread.currentThread().getName();
        cache.get("post");

        // a reader every 100 ms, as on a busy page: the first read past the refresh interval reloads in the background
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> cache.getIfPresent("post") != null && loads.get() >= 3);

        assertThat(loadedOn).contains(reader)
                .allMatch(name -> name.equals(reader) || name.startsWith("public-cache-refresh-"));
    }
}
