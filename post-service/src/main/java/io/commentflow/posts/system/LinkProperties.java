package io.commentflow.posts.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;

/**
 * Public base URLs ({@code COMMENTFLOW_POST_SERVICE_URL}, {@code COMMENTFLOW_INTAKE_URL}).
 */
@ConfigurationProperties("commentflow")
record LinkProperties(@DefaultValue("http://localhost:8080") URI postServiceUrl,
                      @DefaultValue("http://localhost:8081") URI intakeUrl) {
}
