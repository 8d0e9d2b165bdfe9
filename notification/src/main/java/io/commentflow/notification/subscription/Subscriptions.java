package io.commentflow.notification.subscription;

import io.commentflow.events.ParentComment;
import io.commentflow.events.ReplyNotification;
import io.commentflow.notification.delivery.EmailAddresses;
import io.commentflow.notification.delivery.OutgoingEmail;
import io.commentflow.notification.links.SubscriptionLinks;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What the reply listener and the digest job ask about subscriptions. */
@Component
public class Subscriptions {

    private final SubscriptionStore store;
    private final SubscriptionProperties properties;
    private final ConfirmationMail confirmationMail;

    Subscriptions(SubscriptionStore store, SubscriptionProperties properties, SubscriptionLinks links) {
        this.store = store;
        this.properties = properties;
        this.confirmationMail = new ConfirmationMail(links);
    }

    /** Loads who could hear about this notification (and remembers the post's title for manage pages). */
    public Audience audienceFor(ReplyNotification notification) {
        UUID postId = notification.getPost().getPostId();
        store.rememberPost(postId, notification.getPost().getTitle(), notification.getPost().getLink());

        Map<String, UUID> addressIds = new LinkedHashMap<>();
        List<String> candidates = new ArrayList<>();
        EmailAddresses.plausible(notification.getPost().getAuthor().getEmail()).ifPresent(author -> {
            addressIds.put(author, store.postAuthorAddress(author));
            candidates.add(author);
        });
        ParentComment parent = notification.getParent();
        if (parent != null) {
            EmailAddresses.plausible(parent.getAuthor().getEmail()).ifPresent(candidates::add);
        }
        Map<String, UUID> subscribers = store.confirmedSubscribers(postId);
        subscribers.forEach(addressIds::putIfAbsent);
        return new Audience(addressIds, List.copyOf(subscribers.keySet()), store.mutedAmong(postId, candidates));
    }

    /**
     * When the new comment's author ticked "notify me of follow-up comments": records the request and returns
     * the confirmation email to send, if this request warrants one (see {@link SubscriptionStore#request}).
     * Idempotent: a redelivered notification returns the same email (the ledger then sends it at most once).
     */
    public Optional<OutgoingEmail> followUpRequest(ReplyNotification notification) {
        if (!notification.getNotifyFollowups()) {
            return Optional.empty();
        }
        Optional<String> address = EmailAddresses.plausible(notification.getCommentAuthor().getEmail());
        if (address.isEmpty()) {
            return Optional.empty();
        }
        return store.request(notification.getPost().getPostId(), address.get(),
                        ConfirmationMail.notificationIdFor(notification), properties.confirmationLifetime())
                .map(request -> confirmationMail.compose(notification, address.get(), request));
    }

    /** True when the address opted out of everything or unsubscribed from the post since. */
    public boolean isMuted(UUID addressId, UUID postId) {
        return store.isMuted(addressId, postId);
    }
}
