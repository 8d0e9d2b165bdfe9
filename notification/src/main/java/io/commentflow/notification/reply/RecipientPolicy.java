package io.commentflow.notification.reply;

import io.commentflow.events.Person;
import io.commentflow.events.ReplyNotification;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who hears about a notification. The walking skeleton knows only the post author:
 * <ul>
 *   <li>COMMENT_PUBLISHED: the post author, unless the comment carries the post author's own address
 *       (compared case-insensitively): nobody is told about their own comment;</li>
 *   <li>MODERATION_REQUESTED: the post author, always: the comment's address is unverified, so it must not
 *       be able to keep a held comment out of the moderator's sight;</li>
 *   <li>anything else (a kind this version does not know): nobody.</li>
 * </ul>
 * The parent comment's author and follow-up subscribers need double opt-in first (issue 6), so they are
 * deliberately not notified yet, even when {@code parent.notifyFollowups} is true.
 */
final class RecipientPolicy {

    /** Deliberately loose (the SMTP layer parses strictly); rejects what can never be one address. */
    private static final Pattern PLAUSIBLE_ADDRESS = Pattern.compile("[^\\s@<>()\\[\\],;:\"\\\\]+@[^\\s@<>()\\[\\],;:\"\\\\]+");

    List<Recipient> recipientsOf(ReplyNotification notification) {
        Person postAuthor = notification.getPost().getAuthor();
        Optional<String> authorAddress = plausibleAddress(postAuthor.getEmail());
        if (authorAddress.isEmpty()) {
            return List.of();
        }
        return switch (notification.getKind()) {
            case COMMENT_PUBLISHED -> sameAddress(authorAddress.get(), notification.getCommentAuthor().getEmail())
                    ? List.of()
                    : List.of(new Recipient(authorAddress.get(), postAuthor.getName(), Recipient.Reason.NEW_COMMENT));
            case MODERATION_REQUESTED ->
                    List.of(new Recipient(authorAddress.get(), postAuthor.getName(), Recipient.Reason.PLEASE_MODERATE));
            case UNKNOWN -> List.of();
        };
    }

    private static Optional<String> plausibleAddress(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String trimmed = address.strip();
        return trimmed.length() <= 254 && PLAUSIBLE_ADDRESS.matcher(trimmed).matches()
                ? Optional.of(trimmed)
                : Optional.empty();
    }

    private static boolean sameAddress(String address, String other) {
        return other != null && normalize(address).equals(normalize(other));
    }

    private static String normalize(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
