package io.commentflow.posts.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** Provides {@link Http}, pointed at the port the test server listens on. */
@TestConfiguration(proxyBeanMethods = false)
public class HttpClientConfig {

    @Bean
    Http http(Environment environment) {
        return new Http(environment);
    }
}
