package io.commentflow.spamfilter.akismet;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * Settings under {@code commentflow.akismet}; Akismet is asked only when a key is set ({@code COMMENTFLOW_AKISMET_KEY}).
 *
 * @param key               the API key; sent to Akismet in the form body, never logged, never printed by toString
 * @param endpoint          base URL of the REST API; {@code /1.1/comment-check} etc. are appended
 * @param blog              the blog's front page, Akismet's {@code blog} field
 * @param permalink         the post's URL, Akismet's {@code permalink}; {@code {postId}} is replaced by the post id
 * @param blogLang          languages of the blog, ISO 639-1, comma-separated
 * @param honeypotFieldName the name of the form's trap field (comment-intake's WordPress form)
 * @param timeout           for connecting and for the answer; past it the local verdict stands
 * @param concurrency       how many comments of one poll may wait on Akismet at the same time
 * @param maxPollRecords    the most comments one poll holds when Akismet is asked (all of them wait on it inside the
 *                          poll's Kafka transaction)
 * @param rememberComments  how many recently checked comments are kept, to report moderators' corrections with
 *                          exactly the fields Akismet judged
 * @param testMode          sends {@code is_test=1}: Akismet answers but does not learn (for trying a real key)
 */
@ConfigurationProperties("commentflow.akismet")
record AkismetProperties(
        String key,
        @DefaultValue("https://rest.akismet.com") URI endpoint,
        @DefaultValue("http://localhost:8080") String blog,
        @DefaultValue("http://localhost:8080/api/posts/{postId}") String permalink,
        @DefaultValue("en") String blogLang,
        @DefaultValue("comment_website_confirm") String honeypotFieldName,
        @DefaultValue("2s") Duration timeout,
        @DefaultValue("16") int concurrency,
        @DefaultValue("500") int maxPollRecords,
        @DefaultValue("10000") int rememberComments,
        @DefaultValue("false") boolean testMode,
        @DefaultValue CircuitBreaker circuitBreaker) {

    /**
     * When to stop asking a sick Akismet (resilience4j): the breaker opens when, among the last
     * {@code slidingWindowSize} calls (and at least {@code minimumNumberOfCalls}), {@code failureRateThreshold} percent
     * failed (no answer, HTTP error) or {@code slowCallRateThreshold} percent took {@code slowCallDuration} or more;
     * it stays open for {@code waitInOpenState}, then lets {@code permittedCallsInHalfOpenState} calls try again.
     */
    record CircuitBreaker(@DefaultValue("50") float failureRateThreshold,
                          @DefaultValue("1s") Duration slowCallDuration,
                          @DefaultValue("80") float slowCallRateThreshold,
                          @DefaultValue("20") int slidingWindowSize,
                          @DefaultValue("5") int minimumNumberOfCalls,
                          @DefaultValue("30s") Duration waitInOpenState,
                          @DefaultValue("2") int permittedCallsInHalfOpenState) {
    }

    boolean enabled() {
        return key != null && !key.isBlank();
    }

    @Override
    public String toString() {
        return "AkismetProperties[key=" + (enabled() ? "(set)" : "(none)") + ", endpoint=" + endpoint + ", blog=" + blog
                + ", timeout=" + timeout + ", concurrency=" + concurrency + ", testMode=" + testMode + "]";
    }
}
