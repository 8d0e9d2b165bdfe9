package io.commentflow.posts.post;

import io.commentflow.posts.system.Links;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Writing posts in the admin area: create, edit, publish and unpublish. Behind the admin login, with CSRF tokens. */
@Controller
class PostAdminController {

    private static final DateTimeFormatter DATES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final PostCatalog catalog;
    private final Links links;
    private final Clock clock;

    PostAdminController(PostCatalog catalog, Links links, Clock clock) {
        this.catalog = catalog;
        this.links = links;
        this.clock = clock;
    }

    @GetMapping("/admin/posts")
    ModelAndView list() {
        return new ModelAndView("admin/posts", Map.of("posts", catalog.all().stream().map(this::row).toList()));
    }

    @GetMapping("/admin/posts/new")
    ModelAndView create() {
        return form(null, new PostForm("", "", "", "", "", true, "", false), Map.of(), HttpStatus.OK);
    }

    @PostMapping("/admin/posts")
    ModelAndView create(@ModelAttribute PostForm form, RedirectAttributes flash) {
        Map<String, String> errors = form.errors();
        if (!errors.isEmpty()) {
            return form(null, form, errors, HttpStatus.BAD_REQUEST);
        }
        try {
            Post post = catalog.create(form.toNewPost());
            flash.addFlashAttribute("message", "Created “" + post.title() + "”" + (post.published() ? " and published it." : " as a draft."));
            return new ModelAndView("redirect:/admin/posts");
        } catch (InvalidPost invalid) {
            return form(null, form, invalid.errors(), HttpStatus.BAD_REQUEST);
        }
    }

    @GetMapping("/admin/posts/{id}/edit")
    ModelAndView edit(@PathVariable UUID id) {
        return catalog.find(id)
                .map(post -> form(post, PostForm.of(post), Map.of(), HttpStatus.OK))
                .orElseGet(() -> notFound(id));
    }

    @PostMapping("/admin/posts/{id}")
    ModelAndView update(@PathVariable UUID id, @ModelAttribute PostForm form, RedirectAttributes flash) {
        Post current = catalog.find(id).orElse(null);
        if (current == null) {
            return notFound(id);
        }
        Map<String, String> errors = form.errors();
        if (!errors.isEmpty()) {
            return form(current, form, errors, HttpStatus.BAD_REQUEST);
        }
        try {
            Post post = catalog.update(id, form.toEdit()).orElseThrow();
            flash.addFlashAttribute("message", "Saved “" + post.title() + "”.");
            return new ModelAndView("redirect:/admin/posts");
        } catch (InvalidPost invalid) {
            return form(current, form, invalid.errors(), HttpStatus.BAD_REQUEST);
        }
    }

    @PostMapping("/admin/posts/{id}/publish")
    ModelAndView publish(@PathVariable UUID id, RedirectAttributes flash) {
        return catalog.publish(id).map(post -> {
            flash.addFlashAttribute("message", "Published “" + post.title() + "”.");
            return new ModelAndView("redirect:/admin/posts");
        }).orElseGet(() -> notFound(id));
    }

    @PostMapping("/admin/posts/{id}/unpublish")
    ModelAndView unpublish(@PathVariable UUID id, RedirectAttributes flash) {
        return catalog.unpublish(id).map(post -> {
            flash.addFlashAttribute("message", "Unpublished “" + post.title() + "”; it is a draft again.");
            return new ModelAndView("redirect:/admin/posts");
        }).orElseGet(() -> notFound(id));
    }

    private ModelAndView form(Post post, PostForm form, Map<String, String> errors, HttpStatus status) {
        ModelAndView view = new ModelAndView("admin/post-form", status);
        view.addObject("post", post == null ? null : row(post));
        view.addObject("pageTitle", post == null ? "New post" : "Edit “" + post.title() + "”");
        view.addObject("form", form);
        view.addObject("errors", errors);
        view.addObject("action", post == null ? "/admin/posts" : "/admin/posts/" + post.id());
        return view;
    }

    private ModelAndView notFound(UUID id) {
        return new ModelAndView("error/404", Map.of("path", "/admin/posts/" + id), HttpStatus.NOT_FOUND);
    }

    private Row row(Post post) {
        String comments;
        if (!post.commentsOpen()) {
            comments = "closed";
        } else if (post.commentWindowEnded(clock.instant())) {
            comments = "closed since " + DATES.format(post.commentWindowEnd());
        } else if (post.commentWindowEnd() != null) {
            comments = "open until " + DATES.format(post.commentWindowEnd());
        } else if (post.closeCommentsAfterDays() != null) {
            comments = "open, closing " + post.closeCommentsAfterDays() + " days after publication";
        } else {
            comments = "open";
        }
        return new Row(post.id().toString(), post.title(), post.slug(), links.post(post.slug()), post.published(),
                comments, DATES.format(post.updatedAt()));
    }

    record Row(String id, String title, String slug, String link, boolean published, String comments, String updated) {
    }
}
