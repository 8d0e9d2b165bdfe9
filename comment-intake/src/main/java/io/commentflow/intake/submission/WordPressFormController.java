package io.commentflow.intake.submission;

import io.commentflow.events.SubmissionSource;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * WordPress's {@code wp-comments-post.php}: a theme's comment form works here by changing only its action.
 * Success is a 303 back to the post at the new comment's anchor; failure a small HTML page naming the problem.
 */
@Controller
class WordPressFormController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    // what subscribe-to-comments checkboxes and plugins send when the box is left unticked
    private static final Set<String> NO = Set.of("", "0", "false", "no", "off");

    private final CommentSubmission submission;
    private final PostServiceLinks links;
    private final IntakeProperties properties;

    WordPressFormController(CommentSubmission submission, PostServiceLinks links, IntakeProperties properties) {
        this.submission = submission;
        this.links = links;
        this.properties = properties;
    }

    @PostMapping(path = {"/wp-comments-post.php", "/comments"}, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> submit(@RequestParam Map<String, String> form, HttpServletRequest request) {
        SubmissionResult result = submission.submit(draft(form), ClientSignals.of(request), SubmissionSource.FORM);
        String redirectTo = form.get("redirect_to");
        if (result instanceof SubmissionResult.Rejected rejected) {
            List<String> messages = rejected.problems().stream()
                    .map(p -> p.field().label() + " (" + p.field().formName() + ") " + p.message() + ".")
                    .toList();
            return page(HttpStatus.BAD_REQUEST, "Comment Submission Failure", messages, redirectTo);
        }
        UUID commentId = ((SubmissionResult.Accepted) result).commentId();
        URI target = links.commentAnchor(redirectTo, commentId).orElseGet(links::home);
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(target).build();
    }

    @ExceptionHandler(BrokerUnavailableException.class)
    ResponseEntity<String> brokerUnavailable(HttpServletRequest request) {
        ResponseEntity<String> page = page(HttpStatus.SERVICE_UNAVAILABLE, "Comments are briefly unavailable",
                List.of("Your comment could not be saved. Please go back and send it again in a few seconds."),
                request.getParameter("redirect_to"));
        return ResponseEntity.status(page.getStatusCode())
                .headers(page.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, properties.retryAfter().toSeconds())))
                .body(page.getBody());
    }

    private ResponseEntity<String> page(HttpStatus status, String title, List<String> messages, String redirectTo) {
        URI back = links.own(redirectTo).orElse(null);
        return ResponseEntity.status(status).contentType(HTML).body(FormErrorPage.render(title, messages, back));
    }

    private static CommentDraft draft(Map<String, String> form) {
        String subscribe = form.getOrDefault("subscribe_comments", "").strip().toLowerCase(Locale.ROOT);
        return new CommentDraft(form.get("comment_post_ID"), form.get("comment_parent"), form.get("author"),
                form.get("email"), form.get("url"), form.get("comment"), !NO.contains(subscribe));
    }
}
