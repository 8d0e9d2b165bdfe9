package io.commentflow.notification.reply;

import java.util.UUID;

/**
 * Someone who gets an email about a notification, and why. An address (normalized: trimmed, lower case)
 * appears at most once per notification; when several reasons apply, the policy keeps the most specific one.
 *
 * @param addressId the opaque id of the address, for the signed unsubscribe links
 */
record Recipient(String address, String name, Reason reason, UUID addressId) {

    /** Why someone hears about a comment, most specific first. */
    enum Reason {
        /** The parent comment's author, who opted in and confirmed, hears about a reply to their comment. */
        NEW_REPLY("new-reply"),
        /** The post author hears about a published comment. */
        NEW_COMMENT("new-comment"),
        /** A confirmed follow-up subscriber of the post hears about a published comment. */
        FOLLOW_UP("follow-up"),
        /** The post author is asked to moderate a held comment. */
        PLEASE_MODERATE("please-moderate");

        private final String category;

        Reason(String category) {
            this.category = category;
        }

        /** The stable token used in metrics and in the delivery ledger. */
        String category() {
            return category;
        }
    }
}
