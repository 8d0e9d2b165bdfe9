package io.commentflow.posts.blog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.ZoneId;

/**
 * @param maxThreadDepth how deep replies nest on the page (WordPress's default is 5)
 * @param timeZone       the zone dates are shown in
 * @param threadsPerPage top-level comment threads per page of a post (WordPress's default is 50)
 */
@ConfigurationProperties("commentflow.blog")
record BlogProperties(@DefaultValue("5") int maxThreadDepth, @DefaultValue("UTC") ZoneId timeZone,
                      @DefaultValue("50") int threadsPerPage) {
}
