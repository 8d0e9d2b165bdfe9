package io.commentflow.notification.links;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The signed approve / spam / trash links of a "Please moderate" email, served by post-service:
 * {@code <post-service url>/moderate/<comment id>/<action>?expires=<epoch seconds>&sig=<hex(HMAC-SHA256(secret,
 * "moderate:" + commentId + ":" + action + ":" + expires))>}. post-service verifies them with the same secret.
 * Without a secret ({@link #disabled()}) there are no links and the email points to the moderation queue.
 */
public final class ModerationLinks {

    /** The actions, as they appear in the URL and in the signed payload. */
    public enum Action {
        APPROVE("approve"), SPAM("spam"), TRASH("trash");

        private final String path;

        Action(String path) {
            this.path = path;
        }

        public String path() {
            return path;
        }
    }

    private final String postServiceUrl;
    private final LinkSigner signer;
    private final Duration lifetime;
    private final Clock clock;

    public ModerationLinks(String postServiceUrl, LinkSigner signer, Duration lifetime, Clock clock) {
        this.postServiceUrl = PublicUrl.base(postServiceUrl, "commentflow.post-service-url");
        this.signer = signer;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    private ModerationLinks(String postServiceUrl) {
        this.postServiceUrl = PublicUrl.base(postServiceUrl, "commentflow.post-service-url");
        this.signer = null;
        this.lifetime = Duration.ZERO;
        this.clock = Clock.systemUTC();
    }

    /** No secret configured: no signed links. */
    public static ModerationLinks disabled(String postServiceUrl) {
        return new ModerationLinks(postServiceUrl);
    }

    /** A link valid for the configured lifetime from now, if a secret is configured. */
    public Optional<String> link(UUID commentId, Action action) {
        if (signer == null) {
            return Optional.empty();
        }
        long expires = clock.instant().plus(lifetime).getEpochSecond();
        String sig = signer.sign("moderate:" + commentId + ":" + action.path() + ":" + expires);
        return Optional.of(postServiceUrl + "/moderate/" + commentId + "/" + action.path()
                + "?expires=" + expires + "&sig=" + sig);
    }

    /** post-service's moderation queue, for when there are no signed links. */
    public String queue() {
        return postServiceUrl + "/admin";
    }
}
