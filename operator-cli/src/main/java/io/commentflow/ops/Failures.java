package io.commentflow.ops;

import org.apache.kafka.common.errors.TimeoutException;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** One line that tells an operator why a command failed. */
final class Failures {

    private Failures() {
    }

    static String describe(Throwable failure, KafkaClients kafka) {
        Throwable e = unwrap(failure);
        if (e instanceof OpsException) {
            return e.getMessage();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return "Kafka at " + kafka.bootstrapServer() + " did not answer within " + kafka.timeout().toSeconds()
                        + " s (" + oneLine(t.getMessage()) + ")";
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = oneLine(e.getMessage());
        if (root != e) {
            message += ": " + oneLine(root.getMessage());
        }
        return e.getClass().getSimpleName() + ": " + message;
    }

    private static Throwable unwrap(Throwable e) {
        while ((e instanceof ExecutionException || e instanceof CompletionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
