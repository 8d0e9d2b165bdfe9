package io.commentflow.notification.subscription;

import io.commentflow.notification.links.SubscriptionLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * The pages behind the links in our emails. A GET only ever shows a page (mail scanners prefetch links); the
 * POST does what the page offers. The signature is the proof: no session, cookie or CSRF token is needed,
 * which RFC 8058 one-click unsubscribe requires ({@code POST /unsubscribe} with
 * {@code List-Unsubscribe=One-Click} in the body). Responses are never cached and send no Referer, so a signed
 * URL does not leak to the blog when the reader follows a post link.
 */
@Controller
class SubscriptionController {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionController.class);
    private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);

    private final SubscriptionStore store;
    private final SubscriptionLinks links;
    private final ManageLinkMailer manageLinks;
    private final Clock clock;

    SubscriptionController(SubscriptionStore store, SubscriptionLinks links, ManageLinkMailer manageLinks, Clock clock) {
        this.store = store;
        this.links = links;
        this.manageLinks = manageLinks;
        this.clock = clock;
    }

    @GetMapping("/subscriptions")
    ResponseEntity<String> requestForm() {
        return page(HttpStatus.OK, SubscriptionPages.requestForm());
    }

    /** Always the same answer, at once, whether or not the address is known: the lookup and email run later. */
    @PostMapping("/subscriptions")
    ResponseEntity<String> requestManageLink(@RequestParam(name = "email", required = false) String email) {
        if (email != null && email.length() <= 320) {
            manageLinks.requestFor(email);
        }
        return page(HttpStatus.OK, SubscriptionPages.requestAnswered());
    }

    @GetMapping("/subscriptions/confirm")
    ResponseEntity<String> confirmPrompt(@RequestParam(required = false) String s,
                                         @RequestParam(required = false) String expires,
                                         @RequestParam(required = false) String sig) {
        Optional<UUID> subscription = verifiedConfirm(s, expires, sig);
        if (subscription.isEmpty()) {
            return invalid();
        }
        if (expired(expires)) {
            return page(HttpStatus.GONE, SubscriptionPages.confirmationExpired());
        }
        return store.postOfSubscription(subscription.get())
                .map(post -> page(HttpStatus.OK, SubscriptionPages.confirmPrompt(post.title())))
                .orElseGet(() -> page(HttpStatus.GONE, SubscriptionPages.confirmationExpired()));
    }

    @PostMapping("/subscriptions/confirm")
    ResponseEntity<String> confirm(@RequestParam(required = false) String s,
                                   @RequestParam(required = false) String expires,
                                   @RequestParam(required = false) String sig) {
        Optional<UUID> subscription = verifiedConfirm(s, expires, sig);
        if (subscription.isEmpty()) {
            return invalid();
        }
        if (expired(expires)) {
            return page(HttpStatus.GONE, SubscriptionPages.confirmationExpired());
        }
        SubscriptionStore.ConfirmResult result = store.confirm(subscription.get());
        log.info("Subscription {}: {}", subscription.get(), result);
        if (result == SubscriptionStore.ConfirmResult.EXPIRED_OR_CANCELLED) {
            return page(HttpStatus.GONE, SubscriptionPages.confirmationExpired());
        }
        SubscriptionStore.PostSummary post = store.postOfSubscription(subscription.get()).orElseThrow();
        return page(HttpStatus.OK, SubscriptionPages.confirmed(post.title(), post.link()));
    }

    @GetMapping("/unsubscribe")
    ResponseEntity<String> unsubscribePrompt(@RequestParam(required = false) String a,
                                             @RequestParam(required = false) String p,
                                             @RequestParam(required = false) String sig) {
        Optional<UUID> address = verifiedUnsubscribe(a, p, sig);
        if (address.isEmpty()) {
            return invalid();
        }
        String title = p == null ? null : store.post(UUID.fromString(p)).title();
        return page(HttpStatus.OK, SubscriptionPages.unsubscribePrompt(title, links.unsubscribeAllQuery(address.get())));
    }

    /** RFC 8058 one-click unsubscribe, and the button on the page above. Whatever the body says, it unsubscribes. */
    @PostMapping("/unsubscribe")
    ResponseEntity<String> unsubscribe(@RequestParam(required = false) String a,
                                       @RequestParam(required = false) String p,
                                       @RequestParam(required = false) String sig) {
        Optional<UUID> address = verifiedUnsubscribe(a, p, sig);
        if (address.isEmpty()) {
            return invalid();
        }
        if (p == null) {
            store.unsubscribeAll(address.get());
            log.info("Address {} unsubscribed from everything", address.get());
            return page(HttpStatus.OK, SubscriptionPages.unsubscribedFromEverything());
        }
        UUID postId = UUID.fromString(p);
        store.unsubscribe(address.get(), postId);
        log.info("Address {} unsubscribed from post {}", address.get(), postId);
        return page(HttpStatus.OK, SubscriptionPages.unsubscribedFromPost(store.post(postId).title(),
                links.unsubscribeAllQuery(address.get())));
    }

    @GetMapping("/subscriptions/manage")
    ResponseEntity<String> manage(@RequestParam(required = false) String a,
                                  @RequestParam(required = false) String expires,
                                  @RequestParam(required = false) String sig) {
        Optional<UUID> address = verifiedManage(a, expires, sig);
        if (address.isEmpty()) {
            return invalid();
        }
        return page(HttpStatus.OK,
                SubscriptionPages.manage(store.subscriptionsOf(address.get()), store.isOptedOut(address.get())));
    }

    @PostMapping("/subscriptions/manage")
    ResponseEntity<String> change(@RequestParam(required = false) String a,
                                  @RequestParam(required = false) String expires,
                                  @RequestParam(required = false) String sig,
                                  @RequestParam(required = false) String action,
                                  @RequestParam(required = false) String post) {
        Optional<UUID> address = verifiedManage(a, expires, sig);
        if (address.isEmpty()) {
            return invalid();
        }
        Optional<UUID> postId = uuid(post);
        switch (action == null ? "" : action) {
            case "unsubscribe" -> postId.ifPresent(id -> store.unsubscribe(address.get(), id));
            case "resubscribe" -> postId.ifPresent(id -> store.resubscribe(address.get(), id));
            case "unsubscribe-all" -> store.unsubscribeAll(address.get());
            case "allow-emails" -> store.allowEmails(address.get());
            default -> {
                return page(HttpStatus.BAD_REQUEST, SubscriptionPages.invalidLink());
            }
        }
        log.info("Address {} changed its subscriptions: {}", address.get(), action);
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header(HttpHeaders.LOCATION, "/subscriptions/manage?" + links.manageQuery(address.get(), Long.parseLong(expires)))
                .headers(SubscriptionController::privateHeaders)
                .build();
    }

    private Optional<UUID> verifiedConfirm(String s, String expires, String sig) {
        Optional<UUID> id = uuid(s);
        Optional<Long> until = epochSeconds(expires);
        return id.isPresent() && until.isPresent() && links.verifyConfirm(id.get(), until.get(), sig) ? id : Optional.empty();
    }

    private Optional<UUID> verifiedUnsubscribe(String a, String p, String sig) {
        Optional<UUID> address = uuid(a);
        if (address.isEmpty() || (p != null && uuid(p).isEmpty())) {
            return Optional.empty();
        }
        UUID postId = p == null ? null : UUID.fromString(p);
        return links.verifyUnsubscribe(address.get(), postId, sig) && store.exists(address.get()) ? address : Optional.empty();
    }

    /** A manage link must verify and not have expired. */
    private Optional<UUID> verifiedManage(String a, String expires, String sig) {
        Optional<UUID> address = uuid(a);
        Optional<Long> until = epochSeconds(expires);
        return address.isPresent() && until.isPresent() && links.verifyManage(address.get(), until.get(), sig)
                && !expired(expires) ? address : Optional.empty();
    }

    private boolean expired(String expires) {
        return epochSeconds(expires).map(until -> clock.instant().getEpochSecond() > until).orElse(true);
    }

    private static Optional<UUID> uuid(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> epochSeconds(String text) {
        if (text == null || text.isEmpty() || text.length() > 12 || !text.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(text));
    }

    private static ResponseEntity<String> invalid() {
        return page(HttpStatus.FORBIDDEN, SubscriptionPages.invalidLink());
    }

    private static ResponseEntity<String> page(HttpStatus status, String html) {
        return ResponseEntity.status(status).contentType(HTML).headers(SubscriptionController::privateHeaders).body(html);
    }

    private static void privateHeaders(HttpHeaders headers) {
        headers.setCacheControl("no-store");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Robots-Tag", "noindex");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
    }
}
