package io.commentflow.intake.submission;

import io.commentflow.events.SubmissionSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/**
 * Every framework-level error as {@code application/problem+json} (Spring's handler), with two of our own: an
 * unreadable body is a 400 naming the field when possible, and a broker that does not acknowledge is a 503.
 * The form endpoint answers its own errors in HTML and only falls back to this for framework errors.
 */
@RestControllerAdvice
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private final IntakeMetrics metrics;
    private final IntakeProperties properties;

    ApiProblemHandler(IntakeMetrics metrics, IntakeProperties properties) {
        this.metrics = metrics;
        this.properties = properties;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        metrics.rejected(SubmissionSource.JSON_API, IntakeMetrics.MALFORMED);
        return CommentProblems.malformed(offendingField(ex));
    }

    @ExceptionHandler(BrokerUnavailableException.class)
    ResponseEntity<Object> brokerUnavailable() {
        return CommentProblems.unavailable(properties.retryAfter());
    }

    private static String offendingField(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            // a DatabindException is a value of the wrong type; syntax errors (StreamReadException) name no field
            if (t instanceof DatabindException jackson && !jackson.getPath().isEmpty()) {
                String name = jackson.getPath().get(0).getPropertyName();
                if (name != null) {
                    return name;
                }
            }
        }
        return null;
    }
}
