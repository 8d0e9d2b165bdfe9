package io.commentflow.posts.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/** The clock every decision reads (tests may replace it), and scheduled jobs (spam purge, comment windows). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TimeConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
