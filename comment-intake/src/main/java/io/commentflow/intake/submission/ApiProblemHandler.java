package io.commentflow.intake.submission;

import io.commentflow.events.SubmissionSource;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Every framework-level error as {@code application/problem+json} (Spring's handler), counted as a rejection, with
 * a few of our own: an unreadable body is a 400 naming the field when possible (a wrong type, or bytes that are not
 * UTF-8), a body over the limit a 413, and a broker that does not acknowledge a 503.
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
        var tooLarge = RequestBodyTooLargeException.in(ex);
        if (tooLarge.isPresent()) {
            metrics.rejected(SubmissionSource.JSON_API, IntakeMetrics.BODY_TOO_LARGE);
            return CommentProblems.tooLarge(tooLarge.get().limit());
        }
        String field = offendingField(ex);
        String message = notUtf8(ex) ? "is not valid UTF-8" : "has the wrong type";
        metrics.rejected(SubmissionSource.JSON_API, field == null ? IntakeMetrics.MALFORMED : IntakeMetrics.invalid(field));
        return CommentProblems.malformed(field, message);
    }

    @ExceptionHandler(RequestBodyTooLargeException.class)
    ResponseEntity<Object> tooLarge(RequestBodyTooLargeException ex) {
        metrics.rejected(SubmissionSource.JSON_API, IntakeMetrics.BODY_TOO_LARGE);
        return CommentProblems.tooLarge(ex.limit());
    }

    @ExceptionHandler(BrokerUnavailableException.class)
    ResponseEntity<Object> brokerUnavailable() {
        return CommentProblems.unavailable(properties.retryAfter());
    }

    /** Wrong method, media type and the like: Spring's problem, counted under the status it got. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (statusCode.is4xxClientError() && request instanceof ServletWebRequest servlet) {
            metrics.rejected(sourceOf(servlet.getRequest()), reasonFor(statusCode));
        }
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || problem.getType().equals(URI.create("about:blank")))) {
            // the same shape as our own problems: a type naming what went wrong, and no field to blame
            problem.setType(URI.create("urn:commentflow:problem:" + reasonFor(statusCode).replace('_', '-')));
            problem.setProperty("errors", List.of());
        }
        return response;
    }

    private static SubmissionSource sourceOf(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/api/") ? SubmissionSource.JSON_API : SubmissionSource.FORM;
    }

    private static String reasonFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 415 -> "unsupported_media_type";
            case 404 -> "not_found";
            default -> "http_" + status.value();
        };
    }

    /**
     * The JSON property being read when it failed: a value of the wrong type (DatabindException's path), or a
     * string whose bytes are not UTF-8 (the parser's current name). Syntax errors name no field.
     */
    private static String offendingField(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof DatabindException jackson && !jackson.getPath().isEmpty()) {
                String name = jackson.getPath().get(0).getPropertyName();
                if (name != null) {
                    return name;
                }
            }
            if (t instanceof StreamReadException read && isUtf8Problem(read)) {
                JsonParser parser = read.processor();
                String name = parser == null || parser.streamReadContext() == null ? null
                        : parser.streamReadContext().currentName();
                return name != null ? name : "body";
            }
        }
        return null;
    }

    private static boolean notUtf8(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException read && isUtf8Problem(read)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUtf8Problem(StreamReadException ex) {
        String message = ex.getOriginalMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("utf-8");
    }
}
