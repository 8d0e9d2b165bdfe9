package io.commentflow.posts.moderation;

import io.commentflow.posts.system.Hmac;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The signed one-click links of the "please moderate" email, shared with notification, which builds them from the
 * same secret ({@code commentflow.moderation-links.secret}) and this format:
 *
 * <pre>
 * &lt;post-service url&gt;/moderate/&lt;comment id&gt;/&lt;action&gt;?expires=&lt;epoch seconds&gt;&amp;sig=&lt;sig&gt;
 * sig = hex(HMAC-SHA256(secret, "moderate:" + commentId + ":" + action + ":" + expires))   (lower case)
 * </pre>
 *
 * with action one of {@code approve}, {@code spam}, {@code trash}. Links last 7 days unless configured otherwise.
 * A GET of a link only asks for confirmation; the POST applies the action.
 */
public final class ModerationLinks {

    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(7);
    /** The actions a link can carry, as they appear in the URL. */
    public static final List<String> ACTIONS = List.of("approve", "spam", "trash");

    /** Whether a link may be followed. */
    public enum Verdict { VALID, EXPIRED, INVALID }

    private final Hmac hmac;
    private final String baseUrl;
    private final Duration lifetime;
    private final Clock clock;

    /**
     * @param secret  at least {@value Hmac#MIN_SECRET_LENGTH} characters
     * @param baseUrl post-service's public base URL ({@code COMMENTFLOW_POST_SERVICE_URL})
     */
    public ModerationLinks(String secret, String baseUrl, Duration lifetime, Clock clock) {
        this.hmac = new Hmac(secret);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The signed text: {@code moderate:<comment id>:<action>:<expires>}. */
    public static String message(UUID commentId, String action, long expires) {
        return "moderate:" + commentId + ":" + action + ":" + expires;
    }

    public String signature(UUID commentId, String action, long expires) {
        return hmac.sign(message(commentId, checked(action), expires));
    }

    /** A link for the action that expires {@code lifetime} from now. */
    public String link(UUID commentId, String action) {
        return link(commentId, action, clock.instant().plus(lifetime).getEpochSecond());
    }

    public String link(UUID commentId, String action, long expires) {
        return baseUrl + "/moderate/" + commentId + "/" + action + "?expires=" + expires + "&sig="
                + signature(commentId, action, expires);
    }

    /** The approve, spam and trash links of a comment, in that order. */
    public Map<String, String> links(UUID commentId) {
        long expires = clock.instant().plus(lifetime).getEpochSecond();
        Map<String, String> links = new LinkedHashMap<>();
        ACTIONS.forEach(action -> links.put(action, link(commentId, action, expires)));
        return links;
    }

    /**
     * Checks a link's parts as they arrived. The signature is compared in constant time; a link with a good
     * signature whose time is up is {@link Verdict#EXPIRED}.
     */
    public Verdict verify(UUID commentId, String action, String expires, String sig) {
        if (commentId == null || !ACTIONS.contains(action) || expires == null || !expires.matches("[1-9][0-9]{0,11}")) {
            return Verdict.INVALID;
        }
        long expiresAt = Long.parseLong(expires);
        if (!hmac.verify(message(commentId, action, expiresAt), sig)) {
            return Verdict.INVALID;
        }
        return clock.instant().getEpochSecond() < expiresAt ? Verdict.VALID : Verdict.EXPIRED;
    }

    private static String checked(String action) {
        if (!ACTIONS.contains(action)) {
            throw new IllegalArgumentException("a moderation link carries approve, spam or trash, not " + action);
        }
        return action;
    }
}
