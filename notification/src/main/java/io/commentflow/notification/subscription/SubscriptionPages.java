package io.commentflow.notification.subscription;

import io.commentflow.notification.delivery.Html;

import java.util.List;

/** The HTML pages readers see when they follow a link from an email. Every value is escaped. */
final class SubscriptionPages {

    private SubscriptionPages() {
    }

    static String requestForm() {
        return page("Manage your subscriptions", """
                <h1>Manage your subscriptions</h1>
                <p>Enter your email address and we will send you a link to a page where you can see and change the
                comment subscriptions of that address.</p>
                <form method="post" action="/subscriptions">
                  <label>Email address <input type="email" name="email" required maxlength="254" autocomplete="email"></label>
                  <button type="submit">Email me a link</button>
                </form>
                """);
    }

    static String requestAnswered() {
        return page("Check your inbox", """
                <h1>Check your inbox</h1>
                <p>If that address has subscriptions here, we have sent it a link to manage them. The link works for
                a limited time; you can ask for a new one here at any time.</p>
                """);
    }

    static String confirmPrompt(String postTitle) {
        return page("Confirm your subscription", """
                <h1>Confirm your subscription</h1>
                <p>You asked to be emailed about new comments on %s.</p>
                <form method="post"><button type="submit">Confirm my subscription</button></form>
                """.formatted(quoted(postTitle)));
    }

    static String confirmed(String postTitle, String postLink) {
        return page("Subscription confirmed", """
                <h1>Subscription confirmed</h1>
                <p>We will email you about new comments on %s. Every email has a link to stop them.</p>
                """.formatted(Html.link(postLink, quoted(postTitle))));
    }

    static String confirmationExpired() {
        return page("This link has expired", """
                <h1>This link has expired</h1>
                <p>This subscription request expired or was cancelled, so we will not email you about it.</p>
                """);
    }

    static String unsubscribePrompt(String postTitle, String allQuery) {
        String post = postTitle == null ? "" : """
                <p>Stop emails about new comments on %s?</p>
                <form method="post"><button type="submit">Unsubscribe from this post</button></form>
                """.formatted(quoted(postTitle));
        return page("Unsubscribe", """
                <h1>Unsubscribe</h1>
                %s<p>Or stop every email from us, about all posts:</p>
                <form method="post" action="/unsubscribe?%s"><button type="submit">Unsubscribe from everything</button></form>
                """.formatted(post, Html.escape(allQuery)));
    }

    static String unsubscribedFromPost(String postTitle, String allQuery) {
        return page("Unsubscribed", """
                <h1>Unsubscribed</h1>
                <p>We will not email you about %s any more.</p>
                <form method="post" action="/unsubscribe?%s"><button type="submit">Unsubscribe from everything</button></form>
                """.formatted(quoted(postTitle), Html.escape(allQuery)));
    }

    static String unsubscribedFromEverything() {
        return page("Unsubscribed", """
                <h1>Unsubscribed from everything</h1>
                <p>We will not email you again. To change your mind, ask for a link on the
                <a href="/subscriptions">subscriptions page</a>.</p>
                """);
    }

    static String manage(List<SubscriptionStore.SubscriptionView> subscriptions, boolean optedOut) {
        StringBuilder rows = new StringBuilder();
        for (SubscriptionStore.SubscriptionView view : subscriptions) {
            String status = switch (view.status()) {
                case CONFIRMED -> "Subscribed";
                case PENDING -> "Waiting for you to confirm (see our email)";
                case UNSUBSCRIBED -> "Not subscribed";
            };
            String action = switch (view.status()) {
                case CONFIRMED -> button("unsubscribe", view, "Unsubscribe");
                case PENDING -> button("unsubscribe", view, "Cancel");
                case UNSUBSCRIBED -> optedOut ? "" : button("resubscribe", view, "Subscribe again");
            };
            rows.append("<tr><td>").append(Html.link(view.link(), Html.escape(titleOf(view.title()))))
                    .append("</td><td>").append(status).append("</td><td>").append(action).append("</td></tr>\n");
        }
        String table = subscriptions.isEmpty()
                ? "<p>This address has no comment subscriptions.</p>"
                : "<table><tr><th>Post</th><th>Status</th><th></th></tr>\n" + rows + "</table>";
        String everything = optedOut
                ? """
                  <p><strong>You get no emails from us.</strong></p>
                  <form method="post"><input type="hidden" name="action" value="allow-emails">
                  <button type="submit">Allow emails again</button></form>
                  """
                : """
                  <form method="post"><input type="hidden" name="action" value="unsubscribe-all">
                  <button type="submit">Unsubscribe from everything</button></form>
                  """;
        return page("Your subscriptions", """
                <h1>Your subscriptions</h1>
                %s
                %s""".formatted(table, everything));
    }

    static String invalidLink() {
        return page("This link is not valid", """
                <h1>This link is not valid</h1>
                <p>It may have been cut when it was copied, or it has expired. You can ask for a new link on the
                <a href="/subscriptions">subscriptions page</a>.</p>
                """);
    }

    private static String button(String action, SubscriptionStore.SubscriptionView view, String label) {
        return """
                <form method="post"><input type="hidden" name="action" value="%s"><input type="hidden" name="post" value="%s"><button type="submit">%s</button></form>"""
                .formatted(action, view.postId(), label);
    }

    private static String quoted(String title) {
        return "“" + Html.escape(titleOf(title)) + "”";
    }

    private static String titleOf(String title) {
        return title == null || title.isBlank() ? "a post" : title;
    }

    private static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="UTF-8"><meta name="robots" content="noindex">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>body{font-family:sans-serif;line-height:1.5;max-width:40em;margin:2em auto;padding:0 1em}
                td,th{padding:.3em .6em;text-align:left}form{margin:.5em 0}</style></head>
                <body>
                %s</body></html>
                """.formatted(Html.escape(title), body);
    }
}
