package io.commentflow.posts.system;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** RFC 9457 problem responses of the JSON API. */
public final class Problems {

    private Problems() {
    }

    public static ResponseEntity<ProblemDetail> notFound(String detail) {
        return of(HttpStatus.NOT_FOUND, detail);
    }

    public static ResponseEntity<ProblemDetail> badRequest(String detail) {
        return of(HttpStatus.BAD_REQUEST, detail);
    }

    private static ResponseEntity<ProblemDetail> of(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
