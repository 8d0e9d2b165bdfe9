package io.commentflow.posts.moderation;

import io.commentflow.posts.comment.CommentStatus;
import io.commentflow.posts.moderation.CommentModeration.Action;
import io.commentflow.posts.moderation.ModerationService.Outcome;
import io.commentflow.posts.moderation.ModerationService.Result;
import io.commentflow.posts.system.Links;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The moderation area: the queue of pending comments with spam-filter's verdict, score and reasons, and the
 * approved, spam and trash lists; one comment or many at a time. Behind the admin login, every form with a CSRF
 * token (Spring Security adds it to forms rendered with {@code th:action}).
 */
@Controller
class ModerationController {

    /** The actions each list offers, per comment and in bulk. */
    static final Map<CommentStatus, List<Action>> ACTIONS = Map.of(
            CommentStatus.PENDING, List.of(Action.APPROVE, Action.SPAM, Action.TRASH),
            CommentStatus.APPROVED, List.of(Action.SPAM, Action.TRASH),
            CommentStatus.SPAM, List.of(Action.NOT_SPAM, Action.TRASH),
            CommentStatus.TRASH, List.of(Action.RESTORE, Action.SPAM));

    private final ModerationService moderation;
    private final ModerationViews views;
    private final ModerationProperties properties;
    private final Links links;

    ModerationController(ModerationService moderation, ModerationViews views, ModerationProperties properties, Links links) {
        this.moderation = moderation;
        this.views = views;
        this.properties = properties;
        this.links = links;
    }

    @GetMapping("/admin")
    String home() {
        return "redirect:/admin/comments";
    }

    @GetMapping("/admin/comments")
    ModelAndView list(@RequestParam(defaultValue = "pending") String status, @RequestParam(defaultValue = "1") int page) {
        CommentStatus shown = statusOr(status);
        Map<CommentStatus, Long> counts = moderation.counts();
        int perPage = Math.max(1, properties.perPage());
        int pages = (int) Math.max(1, (counts.get(shown) + perPage - 1) / perPage);
        int current = Math.min(Math.max(1, page), pages);
        ModelAndView view = new ModelAndView("admin/comments");
        view.addObject("status", shown.value());
        view.addObject("tabs", views.tabs(counts));
        view.addObject("comments", moderation.list(shown, perPage, (long) (current - 1) * perPage).stream()
                .map(views::row).toList());
        view.addObject("actions", ACTIONS.get(shown).stream().map(ModerationViews::action).toList());
        view.addObject("page", current);
        view.addObject("pages", pages);
        view.addObject("blog", links.baseUrl() + "/");
        return view;
    }

    @PostMapping("/admin/comments/{id}/{action}")
    String one(@PathVariable UUID id, @PathVariable String action, @RequestParam(defaultValue = "pending") String status,
               @RequestParam(defaultValue = "1") int page, Principal moderator, RedirectAttributes flash) {
        Action parsed = Action.parse(action).orElse(null);
        if (parsed == null) {
            flash.addFlashAttribute("message", "Unknown action " + action + ".");
        } else {
            flash.addFlashAttribute("message", summary(parsed, List.of(moderation.moderate(id, parsed, moderator.getName()))));
        }
        return back(status, page);
    }

    @PostMapping("/admin/comments/bulk")
    String bulk(@RequestParam(name = "ids", required = false) List<UUID> ids, @RequestParam(defaultValue = "") String action,
                @RequestParam(defaultValue = "pending") String status, @RequestParam(defaultValue = "1") int page,
                Principal moderator, RedirectAttributes flash) {
        Action parsed = Action.parse(action).orElse(null);
        if (parsed == null) {
            flash.addFlashAttribute("message", "Choose an action for the selected comments.");
        } else if (ids == null || ids.isEmpty()) {
            flash.addFlashAttribute("message", "Select the comments to " + ModerationViews.label(parsed).toLowerCase() + ".");
        } else {
            flash.addFlashAttribute("message", summary(parsed, moderation.moderateAll(ids, parsed, moderator.getName())));
        }
        return back(status, page);
    }

    private static String summary(Action action, List<Result> results) {
        Map<Outcome, Long> byOutcome = results.stream().collect(Collectors.groupingBy(Result::outcome, Collectors.counting()));
        StringBuilder text = new StringBuilder(ModerationViews.label(action)).append(": ");
        text.append(byOutcome.getOrDefault(Outcome.CHANGED, 0L)).append(" changed");
        if (byOutcome.containsKey(Outcome.UNCHANGED)) {
            text.append(", ").append(byOutcome.get(Outcome.UNCHANGED)).append(" already so");
        }
        if (byOutcome.containsKey(Outcome.REFUSED)) {
            text.append(", ").append(byOutcome.get(Outcome.REFUSED)).append(" refused (")
                    .append(results.stream().filter(r -> r.outcome() == Outcome.REFUSED).findFirst().orElseThrow().reason())
                    .append(")");
        }
        if (byOutcome.containsKey(Outcome.NOT_FOUND)) {
            text.append(", ").append(byOutcome.get(Outcome.NOT_FOUND)).append(" not found");
        }
        return text.append('.').toString();
    }

    private static String back(String status, int page) {
        return "redirect:" + UriComponentsBuilder.fromPath("/admin/comments")
                .queryParam("status", statusOr(status).value()).queryParam("page", Math.max(1, page)).toUriString();
    }

    private static CommentStatus statusOr(String status) {
        try {
            return CommentStatus.of(status);
        } catch (IllegalArgumentException unknown) {
            return CommentStatus.PENDING;
        }
    }
}
