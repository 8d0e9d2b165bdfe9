package io.commentflow.notification.subscription;

import io.commentflow.events.ParentComment;
import io.commentflow.events.ReplyNotification;
import io.commentflow.notification.delivery.EmailAddresses;
import io.commentflow.notification.delivery.OutgoingEmail;
import io.commentflow.notification.links.SubscriptionLinks;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /**
     * Loads who could hear about each of a poll's notifications, in its order (and remembers the posts' titles for
     * manage pages): four statements however many notifications, in the caller's transaction if there is one.
     */
    public List<Audience> audiencesFor(List<ReplyNotification> notifications) {
        Map<UUID, SubscriptionStore.PostSummary> posts = new HashMap<>();
        Set<String> authors = new HashSet<>();
        Set<SubscriptionStore.PostAddress> candidates = new HashSet<>();
        for (ReplyNotification notification : notifications) {
            UUID postId = notification.getPost().getPostId();
            // the latest title wins, as one notification after the other would leave it
            posts.put(postId, new SubscriptionStore.PostSummary(notification.getPost().getTitle(),
                    notification.getPost().getLink()));
            EmailAddresses.plausible(notification.getPost().getAuthor().getEmail()).ifPresent(author -> {
                authors.add(author);
                candidates.add(new SubscriptionStore.PostAddress(postId, author));
            });
            ParentComment parent = notification.getParent();
            if (parent != null) {
                EmailAddresses.plausible(parent.getAuthor().getEmail())
                        .ifPresent(address -> candidates.add(new SubscriptionStore.PostAddress(postId, address)));
            }
        }
        store.rememberPosts(posts);
        Map<String, UUID> authorIds = store.postAuthorAddresses(authors);
        Map<UUID, Map<String, UUID>> subscribers = store.confirmedSubscribers(posts.keySet());
        Set<SubscriptionStore.PostAddress> muted = store.mutedAmong(candidates);

        List<Audience> audiences = new ArrayList<>(notifications.size());
        for (ReplyNotification notification : notifications) {
            UUID postId = notification.getPost().getPostId();
            Map<String, UUID> addressIds = new LinkedHashMap<>();
            Set<String> mutedHere = new HashSet<>();
            EmailAddresses.plausible(notification.getPost().getAuthor().getEmail()).ifPresent(author -> {
                addressIds.put(author, authorIds.get(author));
                if (muted.contains(new SubscriptionStore.PostAddress(postId, author))) {
                    mutedHere.add(author);
                }
            });
            ParentComment parent = notification.getParent();
            if (parent != null) {
                EmailAddresses.plausible(parent.getAuthor().getEmail())
                        .filter(address -> muted.contains(new SubscriptionStore.PostAddress(postId, address)))
                        .ifPresent(mutedHere::add);
            }
            Map<String, UUID> postSubscribers = subscribers.getOrDefault(postId, Map.of());
            postSubscribers.forEach(addressIds::putIfAbsent);
            audiences.add(new Audience(addressIds, List.copyOf(postSubscribers.keySet()), mutedHere));
        }
        return audiences;
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
