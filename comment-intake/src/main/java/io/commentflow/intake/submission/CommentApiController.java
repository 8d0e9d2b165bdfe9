package io.commentflow.intake.submission;

import io.commentflow.events.SubmissionSource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;

/** {@code POST /api/comments}: the JSON API, answering 202 once the comment is safely on the broker. */
@RestController
@Tag(name = "comments")
class CommentApiController {

    private final CommentSubmission submission;
    private final PostServiceLinks links;
    private final ClientAddressResolver addresses;
    private final Clock clock;

    CommentApiController(CommentSubmission submission, PostServiceLinks links, ClientAddressResolver addresses,
                         Clock clock) {
        this.submission = submission;
        this.links = links;
        this.addresses = addresses;
        this.clock = clock;
    }

    @Operation(summary = "Submit a comment",
            description = "Checks the comment, then writes it for spam filtering. 202 means the broker acknowledged "
                    + "it; every refusal is an RFC 9457 problem whose `errors` name the fields concerned.")
    @ApiResponse(responseCode = "202", description = "Accepted; also the answer to a repeat of an idempotency key",
            headers = {@Header(name = "Location", description = "Where to follow the comment's state"),
                    @Header(name = CommentApiHeaders.REPLAYED, description = "`true` when this repeats an earlier request")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = SubmissionReceipt.class)))
    @ApiResponse(responseCode = "400", description = "A field is missing or invalid, the JSON is malformed or not UTF-8",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "Comments are closed on the post, or it is not published",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such post",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "Duplicate comment, or a request with this idempotency key is "
            + "still in progress", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "Request body larger than 1 MiB",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "415", description = "Not application/json",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "The idempotency key was used for a different comment",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "429", description = "Another comment from this address or email moments ago",
            headers = @Header(name = "Retry-After", description = "Seconds to wait"),
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "Broker or state store unavailable, or the post catalog still "
            + "loading; nothing was saved", headers = @Header(name = "Retry-After", description = "Seconds to wait"),
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping(path = "/api/comments", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> submit(@RequestBody CommentRequest body,
                                  @Parameter(in = ParameterIn.HEADER, description = "Makes retries safe: a repeat "
                                          + "within 24 h answers with the same comment and writes nothing")
                                  @RequestHeader(name = CommentApiHeaders.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                  HttpServletRequest request) {
        ClientSignals signals = ClientSignals.of(request, addresses)
                .withForm(body.honeypot(), body.formStartedAt(), clock.instant());
        SubmissionResult result = submission.submit(body.toDraft(), signals, SubmissionSource.JSON_API, idempotencyKey);
        if (result instanceof SubmissionResult.Rejected rejected) {
            return CommentProblems.invalid(rejected.problems());
        }
        if (result instanceof SubmissionResult.Refused refused) {
            return CommentProblems.refused(refused.refusal(), refused.retryAfter());
        }
        SubmissionResult.Accepted accepted = (SubmissionResult.Accepted) result;
        URI status = links.commentStatus(accepted.commentId());
        ResponseEntity.BodyBuilder response = ResponseEntity.accepted().location(status)
                .contentType(MediaType.APPLICATION_JSON);
        if (accepted.replayed()) {
            response.header(CommentApiHeaders.REPLAYED, "true");
        }
        return response.body(new SubmissionReceipt(accepted.commentId().toString(), "submitted", status.toString()));
    }
}
