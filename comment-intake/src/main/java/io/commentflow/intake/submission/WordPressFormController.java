package io.commentflow.intake.submission;

import io.commentflow.events.SubmissionSource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * WordPress's {@code wp-comments-post.php}: a theme's comment form works here by changing only its action.
 * Success is a 303 back to the post at the new comment's anchor (with a pending-comment token when configured);
 * failure a small HTML page naming the problem, with WordPress's status codes.
 */
@Controller
@Tag(name = "comments")
class WordPressFormController {

    static final String NONCE = "comment_nonce";
    static final String HONEYPOT = "comment_website_confirm";
    static final String FORM_STARTED_AT = "form_started_at";

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    // what subscribe-to-comments checkboxes and plugins send when the box is left unticked
    private static final Set<String> NO = Set.of("", "0", "false", "no", "off");

    private final CommentSubmission submission;
    private final PostServiceLinks links;
    private final ClientAddressResolver addresses;
    private final PendingCommentToken pendingToken;
    private final IntakeMetrics metrics;
    private final Duration retryAfter;
    private final Clock clock;

    WordPressFormController(CommentSubmission submission, PostServiceLinks links, ClientAddressResolver addresses,
                            PendingCommentToken pendingToken, IntakeMetrics metrics, IntakeProperties properties,
                            Clock clock) {
        this.submission = submission;
        this.links = links;
        this.addresses = addresses;
        this.pendingToken = pendingToken;
        this.metrics = metrics;
        this.retryAfter = properties.retryAfter();
        this.clock = clock;
    }

    @Operation(summary = "Submit a comment from a WordPress-style HTML form",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                    schema = @Schema(implementation = WordPressCommentForm.class))))
    @ApiResponse(responseCode = "303", description = "Accepted: back to the post at `#comment-<id>`, with "
            + "`unapproved` and `moderation-hash` when pending-comment tokens are configured",
            headers = @Header(name = "Location"))
    @ApiResponse(responseCode = "400", description = "A field is missing, invalid or not UTF-8", content = @Content(mediaType = "text/html"))
    @ApiResponse(responseCode = "403", description = "Comments closed, or post not published", content = @Content(mediaType = "text/html"))
    @ApiResponse(responseCode = "404", description = "No such post", content = @Content(mediaType = "text/html"))
    @ApiResponse(responseCode = "409", description = "Duplicate comment", content = @Content(mediaType = "text/html"))
    @ApiResponse(responseCode = "413", description = "Body larger than 1 MiB", content = @Content(mediaType = "text/html"))
    @ApiResponse(responseCode = "422", description = "The nonce was used for a different comment", content = @Content(mediaType = "text/html"))
    @ApiResponse(responseCode = "429", description = "Posting too quickly", headers = @Header(name = "Retry-After"),
            content = @Content(mediaType = "text/html"))
    @ApiResponse(responseCode = "503", description = "Temporarily unavailable; nothing saved",
            headers = @Header(name = "Retry-After"), content = @Content(mediaType = "text/html"))
    @PostMapping(path = {"/wp-comments-post.php", "/comments"}, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> submit(HttpServletRequest request) {
        Map<String, String> form;
        try {
            // read raw, before anything asks the container for parameters: it would turn bad UTF-8 into U+FFFD
            form = FormBody.parse(request.getInputStream().readAllBytes(), FormBody.charsetOf(request.getContentType()));
        } catch (RequestBodyTooLargeException e) {
            metrics.rejected(SubmissionSource.FORM, IntakeMetrics.BODY_TOO_LARGE);
            return page(HttpStatus.CONTENT_TOO_LARGE, "Comment too long", List.of(FormMessages.tooLarge(e.limit())), null);
        } catch (FormBody.MalformedFieldException e) {
            metrics.rejected(SubmissionSource.FORM, IntakeMetrics.invalid(e.field()));
            return page(HttpStatus.BAD_REQUEST, "Comment Submission Failure",
                    List.of(FormMessages.malformed(e.field(), e.getMessage())), null);
        } catch (IOException e) {
            metrics.rejected(SubmissionSource.FORM, IntakeMetrics.MALFORMED);
            return page(HttpStatus.BAD_REQUEST, "Comment Submission Failure",
                    List.of("The form could not be read completely. Please send it again."), null);
        }
        String redirectTo = form.get("redirect_to");
        ClientSignals signals = ClientSignals.of(request, addresses)
                .withForm(form.get(HONEYPOT), form.get(FORM_STARTED_AT), clock.instant());
        String nonce = form.get(NONCE);
        SubmissionResult result;
        try {
            result = submission.submit(draft(form), signals, SubmissionSource.FORM,
                    nonce == null || nonce.isEmpty() ? null : nonce);
        } catch (BrokerUnavailableException e) {
            return withRetryAfter(page(HttpStatus.SERVICE_UNAVAILABLE, "Comments are briefly unavailable",
                    List.of("Your comment could not be saved. Please go back and send it again in a few seconds."),
                    redirectTo), retryAfter);
        }
        if (result instanceof SubmissionResult.Rejected rejected) {
            return page(HttpStatus.BAD_REQUEST, "Comment Submission Failure",
                    rejected.problems().stream().map(FormMessages::of).toList(), redirectTo);
        }
        if (result instanceof SubmissionResult.Refused refused) {
            Refusal refusal = refused.refusal();
            String message = switch (refusal) {
                case CATALOG_LOADING, STATE_UNAVAILABLE ->
                        "Your comment could not be saved. Please go back and send it again in a few seconds.";
                case IDEMPOTENCY_KEY_REUSED ->
                        "This form was already used to send a different comment. Please reload the post to write another.";
                default -> refusal.detail();
            };
            return withRetryAfter(page(refusal.status(), refusal.title(), List.of(message), redirectTo),
                    refused.retryAfter());
        }
        SubmissionResult.Accepted accepted = (SubmissionResult.Accepted) result;
        URI post = links.own(redirectTo)
                .or(() -> links.own(accepted.postLink()))
                .orElseGet(links::home);
        URI target = PostServiceLinks.atComment(post, accepted.commentId(),
                pendingToken.issue(accepted.commentId()).orElse(null));
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(target).build();
    }

    private ResponseEntity<String> page(HttpStatusCode status, String title, List<String> messages, String redirectTo) {
        URI back = links.own(redirectTo).orElse(null);
        return ResponseEntity.status(status).contentType(HTML).body(FormErrorPage.render(title, messages, back));
    }

    private static ResponseEntity<String> withRetryAfter(ResponseEntity<String> page, Duration wait) {
        if (wait == null) {
            return page;
        }
        return ResponseEntity.status(page.getStatusCode())
                .headers(page.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, CommentProblems.retryAfterSeconds(wait))
                .body(page.getBody());
    }

    private static CommentDraft draft(Map<String, String> form) {
        String subscribe = form.getOrDefault("subscribe_comments", "").strip().toLowerCase(Locale.ROOT);
        return new CommentDraft(form.get("comment_post_ID"), form.get("comment_parent"), form.get("author"),
                form.get("email"), form.get("url"), form.get("comment"), !NO.contains(subscribe));
    }
}
