package io.commentflow.intake.submission;

import io.commentflow.events.SubmissionSource;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** {@code POST /api/comments}: the JSON API, answering 202 once the comment is safely on the broker. */
@RestController
class CommentApiController {

    private final CommentSubmission submission;
    private final PostServiceLinks links;

    CommentApiController(CommentSubmission submission, PostServiceLinks links) {
        this.submission = submission;
        this.links = links;
    }

    @PostMapping(path = "/api/comments", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> submit(@RequestBody CommentRequest body, HttpServletRequest request) {
        SubmissionResult result = submission.submit(body.toDraft(), ClientSignals.of(request), SubmissionSource.JSON_API);
        if (result instanceof SubmissionResult.Rejected rejected) {
            return CommentProblems.invalid(rejected.problems());
        }
        UUID id = ((SubmissionResult.Accepted) result).commentId();
        URI status = links.commentStatus(id);
        return ResponseEntity.accepted()
                .location(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(new SubmissionReceipt(id.toString(), "submitted", status.toString()));
    }
}
