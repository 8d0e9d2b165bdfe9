package io.commentflow.notification.reply;

import io.commentflow.events.ParentComment;
import io.commentflow.events.Person;
import io.commentflow.events.ReplyNotification;
import io.commentflow.notification.delivery.EmailAddresses;
import io.commentflow.notification.subscription.Audience;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Who hears about a notification (WordPress + Jetpack behaviour), given what the database knows ({@link Audience}):
 * <ul>
 *   <li>COMMENT_PUBLISHED, most specific reason first, each address once:
 *     <ol>
 *       <li>the parent comment's author, "New reply to your comment", if they ticked "notify me" on that comment
 *           ({@code parent.notifyFollowups}) and confirmed a subscription to the post;</li>
 *       <li>the post author, "New comment";</li>
 *       <li>every confirmed follow-up subscriber of the post, "New comment" (follow-up).</li>
 *     </ol>
 *     Never the comment's own author (addresses compared case-insensitively), never an address that
 *     unsubscribed from the post or from everything. The post author comes last in the list.</li>
 *   <li>MODERATION_REQUESTED: the post author only, "Please moderate", even when the held comment claims the
 *       author's address (it is unverified and must not keep a held comment out of sight); subscribers hear
 *       nothing about a comment that is not published.</li>
 *   <li>anything else (a kind this version does not know): nobody.</li>
 * </ul>
 */
final class RecipientPolicy {

    List<Recipient> recipientsOf(ReplyNotification notification, Audience audience) {
        Person postAuthor = notification.getPost().getAuthor();
        Optional<String> authorAddress = EmailAddresses.plausible(postAuthor.getEmail());
        return switch (notification.getKind()) {
            case COMMENT_PUBLISHED -> published(notification, audience, authorAddress);
            case MODERATION_REQUESTED -> authorAddress
                    .filter(address -> !audience.isMuted(address))
                    .flatMap(address -> recipient(address, postAuthor.getName(), Recipient.Reason.PLEASE_MODERATE, audience))
                    .stream().toList();
            case UNKNOWN -> List.of();
        };
    }

    private static List<Recipient> published(ReplyNotification notification, Audience audience,
                                             Optional<String> authorAddress) {
        String commenter = EmailAddresses.plausible(notification.getCommentAuthor().getEmail()).orElse(null);
        Map<String, Recipient> chosen = new LinkedHashMap<>();
        List<Recipient> candidates = new ArrayList<>();

        ParentComment parent = notification.getParent();
        if (parent != null && parent.getNotifyFollowups()) {
            EmailAddresses.plausible(parent.getAuthor().getEmail())
                    .filter(audience::isConfirmedSubscriber)
                    .flatMap(address -> recipient(address, parent.getAuthor().getName(), Recipient.Reason.NEW_REPLY, audience))
                    .ifPresent(candidates::add);
        }
        authorAddress.flatMap(address -> recipient(address, notification.getPost().getAuthor().getName(),
                Recipient.Reason.NEW_COMMENT, audience)).ifPresent(candidates::add);
        for (String subscriber : audience.confirmedSubscribers()) {
            recipient(subscriber, "", Recipient.Reason.FOLLOW_UP, audience).ifPresent(candidates::add);
        }

        for (Recipient candidate : candidates) {
            if (!candidate.address().equals(commenter) && !audience.isMuted(candidate.address())) {
                chosen.putIfAbsent(candidate.address(), candidate);
            }
        }
        // readers first, the post author last: once the author has the email, everyone else has theirs
        List<Recipient> ordered = new ArrayList<>(chosen.values());
        ordered.sort(Comparator.comparing(recipient -> recipient.reason() == Recipient.Reason.NEW_COMMENT));
        return List.copyOf(ordered);
    }

    private static Optional<Recipient> recipient(String address, String name, Recipient.Reason reason, Audience audience) {
        Optional<UUID> addressId = audience.addressId(address);
        return addressId.map(id -> new Recipient(address, name == null ? "" : name, reason, id));
    }
}
