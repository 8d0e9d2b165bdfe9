package io.commentflow.notification.reply;

import io.commentflow.notification.testing.NotificationIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Warming the email path up at start composes and writes emails, and sends, stores and records none of them. */
class EmailPathWarmUpIntegrationTests extends NotificationIntegrationTest {

    @Autowired
    EmailPathWarmUp warmUp;

    @Test
    void writesEmailsIntoNothing() {
        assertThat(warmUp.run()).isGreaterThanOrEqualTo(100);

        assertThat(Arrays.stream(greenMail.getReceivedMessages()).flatMap(message -> recipients(message).stream()))
                .noneMatch(address -> address.endsWith("@warm-up.invalid"));
        assertThat(jdbc.sql("""
                        select (select count(*) from email_delivery where recipient like '%@warm-up.invalid')
                             + (select count(*) from email_digest_entry where recipient like '%@warm-up.invalid')
                             + (select count(*) from subscriber_address where email like '%@warm-up.invalid')
                             + (select count(*) from post_info where link like 'https://warm-up.invalid/%')
                        """).query(Long.class).single()).isZero();
    }
}
