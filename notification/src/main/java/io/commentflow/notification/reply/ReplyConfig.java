package io.commentflow.notification.reply;

import io.commentflow.notification.links.ModerationLinks;
import io.commentflow.notification.links.SubscriptionLinks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the plain-Java decisions (no Spring inside them) for the listener. */
@Configuration(proxyBeanMethods = false)
class ReplyConfig {

    @Bean
    ReplyFanOut replyFanOut(SubscriptionLinks links, ModerationLinks moderation) {
        return new ReplyFanOut(new RecipientPolicy(), new MailComposer(links, moderation));
    }
}
