package io.commentflow.posts;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * post-service: owns posts and comments, serves the blog and its JSON API, turns scored comments into
 * published or held ones, and relays every change it must announce to Kafka through its outbox.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PostServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PostServiceApplication.class, args);
    }
}
