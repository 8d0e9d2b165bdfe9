package io.commentflow.posts.moderation;

import io.commentflow.posts.comment.CommentStatus;
import io.commentflow.posts.moderation.CommentModeration.Action;
import io.commentflow.posts.post.Paragraphs;
import io.commentflow.posts.system.Links;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The one-click links of the moderation email. A GET only shows what the link would do, with a button that POSTs
 * the same URL (mail scanners prefetch links: a GET never changes anything); the POST applies the action. Both
 * check the signature first; a bad or expired one gets a 403 page. The POST needs no CSRF token: the signature
 * is the proof. Without {@code commentflow.moderation-links.secret} the links are off (404).
 */
@Controller
class ModerationLinkController {

    static final String MODERATOR = "moderation link";

    private final ModerationService moderation;
    private final Links links;
    private final ModerationLinks signedLinks;

    ModerationLinkController(ModerationService moderation, Links links, ModerationLinkProperties properties, Clock clock) {
        this.moderation = moderation;
        this.links = links;
        this.signedLinks = StringUtils.hasText(properties.secret())
                ? new ModerationLinks(properties.secret(), links.baseUrl(), properties.lifetime(), clock)
                : null;
    }

    @GetMapping("/moderate/{id}/{action}")
    ModelAndView confirm(@PathVariable String id, @PathVariable String action, @RequestParam(required = false) String expires,
                         @RequestParam(required = false) String sig, HttpServletResponse response) {
        privatePage(response);
        return checked(id, action, expires, sig).orElseGet(() -> {
            UUID commentId = UUID.fromString(id);
            return moderation.find(commentId)
                    .map(comment -> page("moderate/confirm", comment, action, HttpStatus.OK))
                    .orElseGet(this::gone);
        });
    }

    @PostMapping("/moderate/{id}/{action}")
    ModelAndView apply(@PathVariable String id, @PathVariable String action, @RequestParam(required = false) String expires,
                       @RequestParam(required = false) String sig, HttpServletResponse response) {
        privatePage(response);
        return checked(id, action, expires, sig).orElseGet(() -> {
            UUID commentId = UUID.fromString(id);
            ModerationService.Result result = moderation.moderate(commentId, Action.parse(action).orElseThrow(), MODERATOR);
            if (result.outcome() == ModerationService.Outcome.NOT_FOUND) {
                return gone();
            }
            ModerationCommentView shown = moderation.find(commentId)
                    .map(comment -> view(comment, action)).orElseThrow();
            ModelAndView done = new ModelAndView("moderate/done", HttpStatus.OK);
            done.addObject("comment", shown);
            done.addObject("outcome", result.outcome().name().toLowerCase());
            done.addObject("reason", result.reason());
            return done;
        });
    }

    /** Empty when the link may be followed; else the page that says why not. */
    private Optional<ModelAndView> checked(String id, String action, String expires, String sig) {
        if (signedLinks == null) {
            return Optional.of(new ModelAndView("error/404", Map.of("path", "/moderate/" + id), HttpStatus.NOT_FOUND));
        }
        UUID commentId;
        try {
            commentId = UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            return Optional.of(refused(false));
        }
        return switch (signedLinks.verify(commentId, action, expires, sig)) {
            case VALID -> Optional.empty();
            case EXPIRED -> Optional.of(refused(true));
            case INVALID -> Optional.of(refused(false));
        };
    }

    private ModelAndView page(String template, ModeratedComment comment, String action, HttpStatus status) {
        ModelAndView page = new ModelAndView(template, status);
        page.addObject("comment", view(comment, action));
        return page;
    }

    private ModerationCommentView view(ModeratedComment c, String action) {
        Action parsed = Action.parse(action).orElseThrow();
        return new ModerationCommentView(c.id().toString(), action, ModerationViews.label(parsed), c.authorName(),
                Paragraphs.of(c.content()), c.postTitle(), links.post(c.postSlug()),
                c.status() == CommentStatus.APPROVED ? links.comment(c.postSlug(), c.id()) : null,
                ModerationViews.title(c.status()).toLowerCase());
    }

    private static ModelAndView refused(boolean expired) {
        return new ModelAndView("moderate/refused", Map.of("expired", expired), HttpStatus.FORBIDDEN);
    }

    private ModelAndView gone() {
        return new ModelAndView("moderate/refused", Map.of("expired", false, "gone", true), HttpStatus.NOT_FOUND);
    }

    /** The URL carries a signature: keep it out of caches, search engines and Referer headers. */
    private static void privatePage(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
    }

    /**
     * What the link pages show of a comment: no email or IP address (a forwarded email must not reveal them).
     * {@code commentLink} is set once the comment is published.
     */
    record ModerationCommentView(String id, String action, String actionLabel, String authorName,
                                 List<List<String>> paragraphs, String postTitle, String postLink, String commentLink,
                                 String status) {
    }
}
