package io.commentflow.notification.subscription;

import io.commentflow.notification.delivery.EmailAddresses;
import io.commentflow.notification.delivery.Html;
import io.commentflow.notification.delivery.MailDelivery;
import io.commentflow.notification.delivery.OutgoingEmail;
import io.commentflow.notification.links.SubscriptionLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Emails a manage link (the magic link) to an address that asked for one on the subscriptions page. The page
 * answers at once and the same way for every address; the lookup and the email happen here, on one background
 * thread with a bounded queue (a flood of requests is dropped, not queued forever). Only verified addresses
 * (confirmed once, or post authors) get the email, at most once per {@code manage-link-interval}: an address
 * that never confirmed still gets nothing but its one confirmation request.
 */
@Component
class ManageLinkMailer implements DisposableBean {

    static final String CATEGORY = "manage-link";

    private static final Logger log = LoggerFactory.getLogger(ManageLinkMailer.class);
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final SubscriptionStore store;
    private final SubscriptionLinks links;
    private final MailDelivery delivery;
    private final SubscriptionProperties properties;
    private final Clock clock;
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(100), runnable -> {
                Thread thread = new Thread(runnable, "manage-link-mailer");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.DiscardPolicy());

    ManageLinkMailer(SubscriptionStore store, SubscriptionLinks links, MailDelivery delivery,
                     SubscriptionProperties properties, Clock clock) {
        this.store = store;
        this.links = links;
        this.delivery = delivery;
        this.properties = properties;
        this.clock = clock;
    }

    void requestFor(String address) {
        worker.execute(() -> send(address));
    }

    private void send(String address) {
        Optional<String> normalized = EmailAddresses.plausible(address);
        if (normalized.isEmpty()) {
            return;
        }
        try {
            Optional<UUID> addressId = store.claimManageLink(normalized.get(), properties.manageLinkInterval());
            if (addressId.isEmpty()) {
                return;
            }
            delivery.deliver(compose(normalized.get(), addressId.get()));
        } catch (RuntimeException e) {
            // the reader can ask again; the exception text may quote the address, so only its type is logged
            log.warn("Could not email a manage link: {}", e.getClass().getSimpleName());
        }
    }

    private OutgoingEmail compose(String address, UUID addressId) {
        Instant expires = clock.instant().plus(properties.manageLinkLifetime());
        String manage = links.manage(addressId, expires);
        String leaveAll = links.unsubscribeAll(addressId);
        String until = DATE.format(expires);
        String subject = "Manage your comment subscriptions";
        String text = """
                Hello,

                someone, hopefully you, asked for a link to manage the comment subscriptions of this address.
                Open it to see and change them (it works until %s):
                %s

                If you did not ask for it, ignore this email.

                Never email me again: %s
                """.formatted(until, manage, leaveAll);
        String html = Html.emailPage(subject, """
                <p>Hello,</p>
                <p>someone, hopefully you, asked for a link to manage the comment subscriptions of this address.</p>
                <p><a href="%s">See and change my subscriptions</a> (the link works until %s)</p>
                <p style="color:#666;font-size:small">If you did not ask for it, ignore this email.
                <a href="%s">Never email me again</a>.</p>
                """.formatted(Html.escape(manage), Html.escape(until), Html.escape(leaveAll)));
        return new OutgoingEmail(UUID.randomUUID(), null, null, CATEGORY, address, "", subject, text, html, leaveAll);
    }

    @Override
    public void destroy() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }
}
