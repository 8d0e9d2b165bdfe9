package io.commentflow.notification.subscription;

import io.commentflow.events.NotificationKind;
import io.commentflow.notification.testing.Hmac;
import io.commentflow.notification.testing.MailParts;
import io.commentflow.notification.testing.NotificationIntegrationTest;
import io.commentflow.notification.testing.Notifications;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One-click unsubscribe (RFC 8058), unsubscribe from everything, and the manage page behind a magic link. */
class LeavingIntegrationTests extends NotificationIntegrationTest {

    @Test
    void putsOneClickUnsubscribeHeadersAndLinksInEveryEmail() throws Exception {
        Notifications.Builder post = Notifications.published();
        String reader = "kim-" + UUID.randomUUID() + "@readers.example";
        MimeMessage confirmation = subscribeAndConfirm(post, "Kim", reader);
        publishAndAwaitPostAuthor(post.onSamePost().newReader("Leo"));
        await().atMost(DELIVERY).until(() -> messagesTo(reader).size() == 2);
        publish(post.onSamePost(NotificationKind.MODERATION_REQUESTED).newReader("Mia").build());
        await().atMost(DELIVERY).until(() -> messagesTo(post.postAuthorEmail()).size() == 3);

        for (MimeMessage email : new MimeMessage[]{confirmation, messagesTo(reader).get(1),
                messagesTo(post.postAuthorEmail()).get(1), messagesTo(post.postAuthorEmail()).get(2)}) {
            String url = listUnsubscribe(email);
            assertThat(url).matches("https://notify\\.commentflow\\.test/unsubscribe\\?a=[0-9a-f-]{36}&p="
                    + post.postId() + "&sig=[0-9a-f]{64}");
            assertThat(email.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
            assertThat(MailParts.text(email, "text/html")).contains("href=\"" + url.replace("&", "&amp;") + "\"");
        }
    }

    @Test
    void unsubscribesFromThePostWithARfc8058OneClickPostWithoutCookies() throws Exception {
        Notifications.Builder post = Notifications.published().title("Leaving");
        Notifications.Builder otherPost = Notifications.published().title("Staying");
        String reader = "nina-" + UUID.randomUUID() + "@readers.example";
        subscribeAndConfirm(post, "Nina", reader);
        subscribeAndConfirm(otherPost, "Nina", reader);
        publishAndAwaitPostAuthor(post.onSamePost().newReader("Oscar"));
        MimeMessage followUp = messagesTo(reader).get(2);
        String oneClick = listUnsubscribe(followUp);

        // a GET, as a mail scanner would, shows buttons and changes nothing
        HttpResponse<String> page = get(oneClick);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Unsubscribe from this post", "“Leaving”", "Unsubscribe from everything");
        publishAndAwaitPostAuthor(post.onSamePost().newReader("Pat"));
        assertThat(messagesTo(reader)).hasSize(4);

        // what a mail client sends for List-Unsubscribe-Post: no cookie, no CSRF token, the body below
        HttpResponse<String> done = postForm(oneClick, "List-Unsubscribe=One-Click");
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("We will not email you about “Leaving” any more");

        publishAndAwaitPostAuthor(post.onSamePost().newReader("Quinn"));
        assertThat(messagesTo(reader)).hasSize(4);
        publishAndAwaitPostAuthor(otherPost.onSamePost().newReader("Quinn").excerpt("still here"));
        assertThat(messagesTo(reader)).hasSize(5);
        assertThat(MailParts.text(messagesTo(reader).get(4), "text/plain")).contains("still here");
    }

    @Test
    void stopsAPostAuthorsEmailsAboutOnePostOrAboutEverything() throws Exception {
        Notifications.Builder post = Notifications.published();
        Notifications.Builder otherPost = Notifications.published().title("Other post")
                .postAuthor("Alice", post.postAuthorEmail());
        String author = post.postAuthorEmail();
        publishAndAwaitPostAuthor(post.onSamePost().newReader("Rita"));
        MimeMessage first = messagesTo(author).get(0);

        assertThat(postForm(listUnsubscribe(first), "List-Unsubscribe=One-Click").statusCode()).isEqualTo(200);
        Notifications.Builder muted = post.onSamePost().newReader("Sam");
        publish(muted.build());
        // same partition, so processed after the muted one: the author hears about the other post only
        publish(muted.commentId().toString(), otherPost.onSamePost().newReader("Sam").build());
        await().atMost(DELIVERY).until(() -> messagesTo(author).size() == 2);
        assertThat(messagesTo(author).get(1).getSubject()).isEqualTo("New comment on “Other post”");

        String everything = linkAfter(messagesTo(author).get(1), "Stop all emails from us: ");
        assertThat(everything).doesNotContain("&p=");
        assertThat(get(everything).body()).contains("Unsubscribe from everything").doesNotContain("this post");
        assertThat(postForm(everything, "").body()).contains("Unsubscribed from everything");

        // the marker: a comment on a third post by another author, on the same partition as the held comment
        Notifications.Builder held = otherPost.onSamePost(NotificationKind.MODERATION_REQUESTED).newReader("Tom");
        publish(held.build());
        Notifications.Builder marker = Notifications.published();
        publish(held.commentId().toString(), marker.build());
        await().atMost(DELIVERY).until(() -> messagesTo(marker.postAuthorEmail()).size() == 1);
        assertThat(messagesTo(author)).hasSize(2);
    }

    @Test
    void unsubscribesFromEverythingAndAsksForNothingNewAfterwards() throws Exception {
        Notifications.Builder post = Notifications.published();
        Notifications.Builder otherPost = Notifications.published();
        String reader = "uma-" + UUID.randomUUID() + "@readers.example";
        subscribeAndConfirm(post, "Uma", reader);
        subscribeAndConfirm(otherPost, "Uma", reader);
        String everything = linkAfter(messagesTo(reader).get(1), "Never email me again: ");
        assertThat(everything).doesNotContain("&p=");

        assertThat(postForm(everything, "List-Unsubscribe=One-Click").statusCode()).isEqualTo(200);

        publishAndAwaitPostAuthor(post.onSamePost().newReader("Vic"));
        publishAndAwaitPostAuthor(otherPost.onSamePost().newReader("Vic"));
        publishAndAwaitPostAuthor(Notifications.published().commenter("Uma", reader).notifyFollowups(true));
        assertThat(messagesTo(reader)).hasSize(2);
    }

    @Test
    void rejectsATamperedUnsubscribeLink() {
        Notifications.Builder post = Notifications.published();
        publishAndAwaitPostAuthor(post.onSamePost().newReader("Walt"));
        String oneClick = listUnsubscribe(messagesTo(post.postAuthorEmail()).get(0));
        String otherPost = oneClick.replaceFirst("&p=[0-9a-f-]{36}", "&p=" + UUID.randomUUID());

        assertThat(postForm(otherPost, "List-Unsubscribe=One-Click").statusCode()).isEqualTo(403);
        assertThat(postForm(oneClick.replaceFirst("&p=[0-9a-f-]{36}", ""), "").statusCode()).isEqualTo(403);
        publishAndAwaitPostAuthor(post.onSamePost().newReader("Xena"));
    }

    @Test
    void emailsAManageLinkToKnownAddressesOnlyAndAnswersEveryRequestTheSame() throws Exception {
        Notifications.Builder post = Notifications.published().title("Managed");
        Notifications.Builder otherPost = Notifications.published().title("Also managed");
        String reader = "yara-" + UUID.randomUUID() + "@readers.example";
        subscribeAndConfirm(post, "Yara", reader);
        subscribeAndConfirm(otherPost, "Yara", reader);
        String someoneElse = "zed-" + UUID.randomUUID() + "@readers.example";
        subscribeAndConfirm(post, "Zed", someoneElse);
        Notifications.Builder unconfirmed = Notifications.published().newReader("Una").notifyFollowups(true);
        publishAndAwaitPostAuthor(unconfirmed);
        String never = unconfirmed.commenterEmail();
        String unknown = "nobody-" + UUID.randomUUID() + "@readers.example";
        int readerBefore = messagesTo(reader).size();

        HttpResponse<String> form = get(NOTIFICATION_URL + "/subscriptions");
        assertThat(form.body()).contains("<form method=\"post\" action=\"/subscriptions\">", "name=\"email\"");
        HttpResponse<String> forUnknown = postForm(NOTIFICATION_URL + "/subscriptions", "email=" + encode(unknown));
        HttpResponse<String> forNever = postForm(NOTIFICATION_URL + "/subscriptions", "email=" + encode(never));
        HttpResponse<String> forReader = postForm(NOTIFICATION_URL + "/subscriptions", "email=" + encode(reader.toUpperCase()));
        assertThat(forUnknown.statusCode()).isEqualTo(forReader.statusCode()).isEqualTo(200);
        assertThat(forUnknown.body()).isEqualTo(forNever.body()).isEqualTo(forReader.body());

        // requests are handled in order: once the reader has their link, the two before were handled
        await().atMost(DELIVERY).until(() -> messagesTo(reader).size() == readerBefore + 1);
        assertThat(messagesTo(unknown)).isEmpty();
        assertThat(messagesTo(never)).hasSize(1);
        MimeMessage magic = messagesTo(reader).get(readerBefore);
        assertThat(magic.getSubject()).isEqualTo("Manage your comment subscriptions");
        assertThat(listUnsubscribe(magic)).startsWith(NOTIFICATION_URL + "/unsubscribe?a=");
        String manage = linkIn(magic, NOTIFICATION_URL + "/subscriptions/manage?a=");

        HttpResponse<String> page = get(manage);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Managed", "Also managed", "Subscribed").doesNotContain(someoneElse, "Zed");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");

        HttpResponse<String> changed = postForm(manage, "action=unsubscribe&post=" + post.postId());
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(get(manage).body()).contains("Not subscribed", "Subscribe again");
        publishAndAwaitPostAuthor(post.onSamePost().newReader("Abe"));
        await().atMost(DELIVERY).until(() -> messagesTo(someoneElse).size() == 2);
        assertThat(messagesTo(reader)).hasSize(readerBefore + 1);

        postForm(manage, "action=resubscribe&post=" + post.postId());
        assertThat(get(manage).body()).doesNotContain("Not subscribed");
        publishAndAwaitPostAuthor(post.onSamePost().newReader("Bea"));
        await().atMost(DELIVERY).until(() -> messagesTo(reader).size() == readerBefore + 2);

        assertThat(get(manage.replaceFirst("sig=[0-9a-f]{64}", "sig=" + "0".repeat(64))).statusCode()).isEqualTo(403);
        // correctly signed, but its time is up
        String addressId = manage.replaceFirst(".*[?&]a=([0-9a-f-]{36}).*", "$1");
        long past = Instant.now().minusSeconds(60).getEpochSecond();
        String expired = NOTIFICATION_URL + "/subscriptions/manage?a=" + addressId + "&expires=" + past + "&sig="
                + Hmac.sha256Hex(SUBSCRIPTION_SECRET, "manage:" + addressId + ":" + past);
        assertThat(get(expired).statusCode()).isEqualTo(403);
        assertThat(postForm(expired, "action=unsubscribe-all").statusCode()).isEqualTo(403);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
