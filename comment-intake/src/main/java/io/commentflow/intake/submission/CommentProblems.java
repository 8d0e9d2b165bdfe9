package io.commentflow.intake.submission;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** The RFC 9457 problem documents the JSON API answers with. */
final class CommentProblems {

    static final URI INVALID_COMMENT = URI.create("urn:commentflow:problem:invalid-comment");
    static final URI MALFORMED_REQUEST = URI.create("urn:commentflow:problem:malformed-request");
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
        return badRequest(INVALID_COMMENT, "Invalid comment", detail, errors);
    }

    /** The body is not JSON, or a field has a type no text can come from; {@code field} when Jackson knew which. */
    static ResponseEntity<Object> malformed(String field) {
        if (field == null) {
            return badRequest(MALFORMED_REQUEST, "Malformed request", "The request body is not a valid JSON object",
                    List.of());
        }
        return badRequest(MALFORMED_REQUEST, "Malformed request", "Field " + field + " has the wrong type",
                List.of(new FieldError(field, "has the wrong type")));
    }

    static ResponseEntity<Object> unavailable(Duration retryAfter) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Comments cannot be accepted right now; nothing was saved. Please retry.");
        problem.setType(UNAVAILABLE);
        problem.setTitle("Temporarily unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static ResponseEntity<Object> badRequest(URI type, String title, String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(type);
        problem.setTitle(title);
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
