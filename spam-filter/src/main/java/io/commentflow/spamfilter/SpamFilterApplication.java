package io.commentflow.spamfilter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Scores every submitted comment and writes the verdict to {@code comment-scored}, exactly once. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SpamFilterApplication {

    public static void main(String[] args) {
        SpringApplication.run(SpamFilterApplication.class, args);
    }
}
