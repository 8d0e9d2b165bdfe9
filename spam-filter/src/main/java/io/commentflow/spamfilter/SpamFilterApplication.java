package io.commentflow.spamfilter;

import io.commentflow.spamfilter.classifier.Evaluation;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.io.IOException;

/** Scores every submitted comment and writes the verdict to {@code comment-scored}, exactly once. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SpamFilterApplication {

    /**
     * Runs the service, or with {@code evaluate --youtube <dir> --sms <file> [--json]} trains on what the project
     * ships and prints how the classifier does on the given labeled data, without starting the service.
     */
    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("evaluate")) {
            System.exit(Evaluation.run(args, System.out, System.err));
        }
        SpringApplication.run(SpamFilterApplication.class, args);
    }
}
