package io.commentflow.intake.system;

import io.commentflow.intake.submission.CommentApiHeaders;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Arrays;

/**
 * CORS on the JSON API for the configured origins only ({@code commentflow.intake.cors.allowed-origins}, comma
 * separated; post-service's URL by default). The form endpoint needs none: browsers post forms cross-origin.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    private final String[] allowedOrigins;

    WebConfig(@Value("${commentflow.intake.cors.allowed-origins:${commentflow.post-service-url}}") String[] origins) {
        this.allowedOrigins = Arrays.stream(origins)
                .map(String::strip)
                .filter(o -> !o.isEmpty())
                .map(o -> o.endsWith("/") ? o.substring(0, o.length() - 1) : o)
                .toArray(String[]::new);
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/api/**")
                .allowedOrigins(allowedOrigins)
                .allowedMethods("GET", "POST")
                .allowedHeaders("Content-Type", "Accept", CommentApiHeaders.IDEMPOTENCY_KEY)
                .exposedHeaders("Location", "Retry-After", CommentApiHeaders.REPLAYED)
                .maxAge(3600);
    }
}
