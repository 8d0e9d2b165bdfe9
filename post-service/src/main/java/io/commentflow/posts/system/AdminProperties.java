package io.commentflow.posts.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * The admin login. There is no default password: without {@code commentflow.admin.password}
 * ({@code COMMENTFLOW_ADMIN_PASSWORD}) the admin area and admin API are switched off (404). The password may be
 * given plain (it is hashed with bcrypt at start-up and only the hash is kept) or already encoded with its
 * id prefix, e.g. {@code {bcrypt}$2a$10$…}.
 */
@ConfigurationProperties("commentflow.admin")
record AdminProperties(@DefaultValue("admin") String username, String password) {

    boolean enabled() {
        return StringUtils.hasText(password) && StringUtils.hasText(username);
    }

    @Override
    public String toString() {
        return "AdminProperties[username=" + username + ", password=" + (enabled() ? "[set]" : "[not set]") + "]";
    }
}
