package io.commentflow.notification.links;

import java.time.Instant;
import java.util.UUID;

/**
 * The signed links notification serves itself (HMAC-SHA256 with {@code commentflow.subscription-links.secret},
 * lowercase hex). They carry opaque ids, never an address:
 * <ul>
 *   <li>confirm: {@code /subscriptions/confirm?s=<subscription id>&expires=<epoch s>&sig=} over
 *       {@code "confirm:" + s + ":" + expires};</li>
 *   <li>unsubscribe from a post: {@code /unsubscribe?a=<address id>&p=<post id>&sig=} over
 *       {@code "unsubscribe:" + a + ":" + p} (no expiry: an old email must still let its reader leave);</li>
 *   <li>unsubscribe from everything: {@code /unsubscribe?a=<address id>&sig=} over {@code "unsubscribe-all:" + a};</li>
 *   <li>manage (the magic link): {@code /subscriptions/manage?a=<address id>&expires=<epoch s>&sig=} over
 *       {@code "manage:" + a + ":" + expires}.</li>
 * </ul>
 * A GET on any of them only shows a page; state changes need a POST (mail scanners prefetch GETs).
 */
public final class SubscriptionLinks {

    private final String baseUrl;
    private final LinkSigner signer;

    public SubscriptionLinks(String baseUrl, LinkSigner signer) {
        this.baseUrl = PublicUrl.base(baseUrl, "commentflow.notification-url");
        this.signer = signer;
    }

    public String confirm(UUID subscriptionId, Instant expires) {
        return baseUrl + "/subscriptions/confirm?" + confirmQuery(subscriptionId, expires.getEpochSecond());
    }

    public String confirmQuery(UUID subscriptionId, long expires) {
        return "s=" + subscriptionId + "&expires=" + expires + "&sig=" + signer.sign(confirmPayload(subscriptionId, expires));
    }

    public boolean verifyConfirm(UUID subscriptionId, long expires, String sig) {
        return signer.verify(confirmPayload(subscriptionId, expires), sig);
    }

    /** The one-click unsubscribe URL for List-Unsubscribe, also the body's link (GET shows a page). */
    public String unsubscribe(UUID addressId, UUID postId) {
        return baseUrl + "/unsubscribe?" + unsubscribeQuery(addressId, postId);
    }

    public String unsubscribeQuery(UUID addressId, UUID postId) {
        return "a=" + addressId + "&p=" + postId + "&sig=" + signer.sign(unsubscribePayload(addressId, postId));
    }

    public String unsubscribeAll(UUID addressId) {
        return baseUrl + "/unsubscribe?" + unsubscribeAllQuery(addressId);
    }

    public String unsubscribeAllQuery(UUID addressId) {
        return "a=" + addressId + "&sig=" + signer.sign(unsubscribeAllPayload(addressId));
    }

    /** Verifies an unsubscribe link; {@code postId} null means "from everything". */
    public boolean verifyUnsubscribe(UUID addressId, UUID postId, String sig) {
        return signer.verify(postId == null ? unsubscribeAllPayload(addressId) : unsubscribePayload(addressId, postId), sig);
    }

    public String manage(UUID addressId, Instant expires) {
        return baseUrl + "/subscriptions/manage?" + manageQuery(addressId, expires.getEpochSecond());
    }

    public String manageQuery(UUID addressId, long expires) {
        return "a=" + addressId + "&expires=" + expires + "&sig=" + signer.sign(managePayload(addressId, expires));
    }

    public boolean verifyManage(UUID addressId, long expires, String sig) {
        return signer.verify(managePayload(addressId, expires), sig);
    }

    /** The page where a reader asks for a manage link by email address. */
    public String requestManageLink() {
        return baseUrl + "/subscriptions";
    }

    private static String confirmPayload(UUID subscriptionId, long expires) {
        return "confirm:" + subscriptionId + ":" + expires;
    }

    private static String unsubscribePayload(UUID addressId, UUID postId) {
        return "unsubscribe:" + addressId + ":" + postId;
    }

    private static String unsubscribeAllPayload(UUID addressId) {
        return "unsubscribe-all:" + addressId;
    }

    private static String managePayload(UUID addressId, long expires) {
        return "manage:" + addressId + ":" + expires;
    }
}
