package io.commentflow.spamfilter.akismet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Akismet's beans, only when {@code commentflow.akismet.key} is set: without a key the filter is purely local. */
@Configuration(proxyBeanMethods = false)
@Conditional(AkismetConfig.KeyConfigured.class)
class AkismetConfig {

    @Bean
    AkismetClient akismetClient(AkismetProperties properties) {
        AkismetClient client = new AkismetClient(properties);
        client.verifyKey();
        return client;
    }

    @Bean
    RecentComments recentAkismetChecks(AkismetProperties properties) {
        return new RecentComments(properties.rememberComments());
    }

    @Bean
    AkismetPhase akismetPhase(AkismetClient client, RecentComments recent, AkismetProperties properties) {
        return new AkismetPhase(client, new AkismetFields(properties), recent, properties.concurrency());
    }

    @Bean
    AkismetFeedback akismetFeedback(AkismetClient client, RecentComments recent) {
        return new AkismetFeedback(client, recent);
    }

    /** An empty key (an unset {@code COMMENTFLOW_AKISMET_KEY}) means no Akismet, not a broken one. */
    static class KeyConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty("commentflow.akismet.key"));
        }
    }
}
