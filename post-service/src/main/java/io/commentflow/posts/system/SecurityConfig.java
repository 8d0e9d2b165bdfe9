package io.commentflow.posts.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Who may do what. Three filter chains:
 * <ol>
 *   <li>{@code /api/admin/**}: the admin JSON API, HTTP Basic with the admin login, stateless (no session
 *       cookie, so no CSRF to guard against).</li>
 *   <li>{@code /admin/**}, {@code /login}, {@code /logout}: the admin pages, form login, a session, CSRF tokens on
 *       every form.</li>
 *   <li>everything else: the public blog, JSON API and actuator, open to all, no session. The signed moderation
 *       links ({@code /moderate/**}) are exempt from CSRF: their signature is the proof.</li>
 * </ol>
 * Without an admin password the first two answer 404.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);
    private static final Pattern ENCODED = Pattern.compile("^\\{[a-zA-Z0-9_-]+}.+");
    private static final String ADMIN = "ADMIN";
    private static final PlainErrorAnswer NOT_CONFIGURED = new PlainErrorAnswer(HttpStatus.NOT_FOUND,
            "Admin area not configured", "The admin API is not configured: set COMMENTFLOW_ADMIN_PASSWORD.", """
            <p>The admin area is switched off because no admin password is configured.
            Set <code>COMMENTFLOW_ADMIN_PASSWORD</code> (and optionally <code>COMMENTFLOW_ADMIN_USERNAME</code>)
            and restart post-service.</p>""");

    /**
     * No observation per security filter and per authorization, on every request (a dozen timers and tens of KB of
     * garbage for each page view); {@code http_server_requests} still times each request, logins are still observed.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).shouldObserveAuthorizations(false)
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The one admin account, its password kept only as a hash; no account at all while none is configured. */
    @Bean
    UserDetailsService admins(AdminProperties admin, PasswordEncoder encoder) {
        if (!admin.enabled()) {
            log.warn("No admin password configured (COMMENTFLOW_ADMIN_PASSWORD): the admin area is switched off");
            return new InMemoryUserDetailsManager();
        }
        String password = ENCODED.matcher(admin.password()).matches() ? admin.password() : encoder.encode(admin.password());
        return new InMemoryUserDetailsManager(User.withUsername(admin.username()).password(password).roles(ADMIN).build());
    }

    @Bean
    @Order(1)
    SecurityFilterChain adminApi(HttpSecurity http, AdminProperties admin) throws Exception {
        http.securityMatcher("/api/admin/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable());
        if (admin.enabled()) {
            BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
            basic.setRealmName("commentflow admin");
            basic.afterPropertiesSet();
            http.authorizeHttpRequests(requests -> requests.anyRequest().hasRole(ADMIN))
                    .httpBasic(httpBasic -> httpBasic.authenticationEntryPoint(basic));
        } else {
            notConfigured(http);
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain adminArea(HttpSecurity http, AdminProperties admin) throws Exception {
        http.securityMatcher("/admin", "/admin/**", "/login", "/logout");
        if (admin.enabled()) {
            http.authorizeHttpRequests(requests -> requests
                            .requestMatchers("/login").permitAll()
                            .anyRequest().hasRole(ADMIN))
                    .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/admin/comments", false).permitAll())
                    .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll());
        } else {
            notConfigured(http);
        }
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain site(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/moderate/**"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                // public pages decide their own caching; the admin chains keep Spring Security's no-store
                .headers(headers -> headers.cacheControl(cache -> cache.disable()));
        return http.build();
    }

    /** Every request is refused with a 404 that says why. */
    private static void notConfigured(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().denyAll())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) -> notConfigured(request, response))
                        .accessDeniedHandler((request, response, e) -> notConfigured(request, response)));
    }

    private static void notConfigured(HttpServletRequest request, HttpServletResponse response) throws IOException {
        NOT_CONFIGURED.writeTo(request, response);
    }
}
