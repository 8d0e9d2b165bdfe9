package io.commentflow.notification.reply;

/**
 * Someone who gets an email about a notification, and why. An address appears at most once per
 * notification; when several reasons apply, the policy keeps the most specific one.
 */
record Recipient(String address, String name, Reason reason) {

    enum Reason {
        /** The post author hears about a published comment. */
        NEW_COMMENT("new-comment"),
        /** The post author is asked to moderate a held comment. */
        PLEASE_MODERATE("please-moderate");
        // issue 6: NEW_REPLY (parent author, confirmed opt-in), FOLLOW_UP (confirmed subscribers)

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
