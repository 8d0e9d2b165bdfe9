package io.commentflow.intake;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The front door of commentflow: accepts comments over HTTP and writes them to {@code comment-submitted}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CommentIntakeApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommentIntakeApplication.class, args);
    }
}
