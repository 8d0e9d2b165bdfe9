package io.commentflow.notification.subscription;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the database knows about the people a notification about one post could reach, for the plain-Java
 * recipient policy: the address ids (for signed links), the confirmed subscribers of the post (sorted), and
 * which of the other candidates (post author, parent comment's author) do not want emails about this post
 * (unsubscribed from it, or from everything). Addresses are normalized (trimmed, lower case).
 */
public record Audience(Map<String, UUID> addressIds, List<String> confirmedSubscribers, Set<String> muted) {

    public Audience {
        addressIds = Map.copyOf(addressIds);
        confirmedSubscribers = List.copyOf(confirmedSubscribers);
        muted = Set.copyOf(muted);
    }

    public Optional<UUID> addressId(String address) {
        return Optional.ofNullable(addressIds.get(address));
    }

    public boolean isConfirmedSubscriber(String address) {
        return confirmedSubscribers.contains(address);
    }

    public boolean isMuted(String address) {
        return muted.contains(address);
    }
}
