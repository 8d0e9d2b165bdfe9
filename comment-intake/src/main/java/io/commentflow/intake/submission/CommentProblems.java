package io.commentflow.intake.submission;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** The RFC 9457 problem documents the JSON API answers with; each names the fields it is about in {@code errors}. */
final class CommentProblems {

    static final URI INVALID_COMMENT = URI.create("urn:commentflow:problem:invalid-comment");
    static final URI MALFORMED_REQUEST = URI.create("urn:commentflow:problem:malformed-request");
    static final URI BODY_TOO_LARGE = URI.create("urn:commentflow:problem:body-too-large");
    static final URI UNAVAILABLE = URI.create("urn:commentflow:problem:temporarily-unavailable");

    /** One refused field, named as the client sent it. */
    record FieldError(String field, String message) {
    }

    private CommentProblems() {
    }

    static ResponseEntity<Object> invalid(List<FieldProblem> problems) {
        List<FieldError> errors = problems.stream()
                .map(p -> new FieldError(p.field().jsonName(), p.message()))
                .toList();
        String detail = "Check the fields: " + String.join(", ", errors.stream().map(FieldError::field).toList());
        return problem(HttpStatus.BAD_REQUEST, INVALID_COMMENT, "Invalid comment", detail, errors, null);
    }

    /** The body is not JSON, or a field is unreadable; {@code field} when it is known. */
    static ResponseEntity<Object> malformed(String field, String message) {
        if (field == null) {
            return problem(HttpStatus.BAD_REQUEST, MALFORMED_REQUEST, "Malformed request",
                    "The request body is not a valid JSON object", List.of(), null);
        }
        return problem(HttpStatus.BAD_REQUEST, MALFORMED_REQUEST, "Malformed request", "Field " + field + " " + message,
                List.of(new FieldError(field, message)), null);
    }

    static ResponseEntity<Object> tooLarge(long limit) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, BODY_TOO_LARGE, "Request body too large",
                "The request body must be at most " + limit + " bytes", List.of(tooLargeError(limit)), null);
    }

    /** The same 413 as text, for the filter that answers before Spring MVC runs. */
    static String tooLargeJson(long limit) {
        return """
                {"type":"%s","title":"Request body too large","status":413,\
                "detail":"The request body must be at most %d bytes",\
                "errors":[{"field":"body","message":"%s"}]}""".formatted(BODY_TOO_LARGE, limit,
                tooLargeError(limit).message());
    }

    static ResponseEntity<Object> refused(Refusal refusal, Duration retryAfter) {
        List<FieldError> errors = refusal.field() == null ? List.of()
                : List.of(new FieldError(refusal.field().jsonName(), refusal.detail()));
        return problem(refusal.status(), refusal.type(), refusal.title(), refusal.detail(), errors, retryAfter);
    }

    static ResponseEntity<Object> unavailable(Duration retryAfter) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE, "Temporarily unavailable",
                "Comments cannot be accepted right now; nothing was saved. Please retry.", List.of(), retryAfter);
    }

    /** Whole seconds, rounded up, at least one: what {@code Retry-After} carries. */
    static String retryAfterSeconds(Duration wait) {
        long millis = Math.max(0, wait.toMillis());
        return String.valueOf(Math.max(1, (millis + 999) / 1000));
    }

    private static FieldError tooLargeError(long limit) {
        return new FieldError("body", "must be at most " + limit + " bytes");
    }

    private static ResponseEntity<Object> problem(HttpStatus status, URI type, String title, String detail,
                                                  List<FieldError> errors, Duration retryAfter) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        problem.setProperty("errors", errors);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, retryAfterSeconds(retryAfter));
        }
        return response.body(problem);
    }
}
