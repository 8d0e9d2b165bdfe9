package io.commentflow.posts.system;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.junit.jupiter.web.SpringJUnitWebConfig;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The security set-up without an admin password (the integration tests run with one): the admin area and
 * API answer 404 and say why; the blog stays open. And how a configured password is kept.
 */
@SpringJUnitWebConfig(AdminSecurityTests.WithoutAdminPassword.class)
class AdminSecurityTests {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Autowired
    WebApplicationContext context;

    @Test
    void switchesTheAdminAreaOffWithoutAPassword() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();

        mvc.perform(get("/admin/comments")).andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("COMMENTFLOW_ADMIN_PASSWORD")));
        mvc.perform(get("/login")).andExpect(status().isNotFound());
        mvc.perform(post("/login").param("username", "admin").param("password", "")).andExpect(status().isNotFound());
        mvc.perform(get("/api/admin/posts")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("COMMENTFLOW_ADMIN_PASSWORD")));
        mvc.perform(get("/posts/open")).andExpect(status().isOk()).andExpect(content().string("blog"));
    }

    @Test
    void knowsNoUserWithoutAPassword() {
        UserDetailsService users = new SecurityConfig().admins(new AdminProperties("admin", "  "), encoder);

        assertThatExceptionOfType(UsernameNotFoundException.class).isThrownBy(() -> users.loadUserByUsername("admin"));
    }

    @Test
    void keepsOnlyABcryptHashOfAPlainPassword() {
        UserDetails admin = new SecurityConfig().admins(new AdminProperties("admin", "s3cret-from-the-runner"), encoder)
                .loadUserByUsername("admin");

        assertThat(admin.getPassword()).startsWith("{bcrypt}").doesNotContain("s3cret-from-the-runner");
        assertThat(encoder.matches("s3cret-from-the-runner", admin.getPassword())).isTrue();
        assertThat(admin.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");
    }

    @Test
    void takesAnEncodedPasswordAsItIs() {
        String encoded = encoder.encode("already hashed elsewhere");

        UserDetails admin = new SecurityConfig().admins(new AdminProperties("editor", encoded), encoder)
                .loadUserByUsername("editor");

        assertThat(admin.getPassword()).isEqualTo(encoded);
        assertThat(encoder.matches("already hashed elsewhere", admin.getPassword())).isTrue();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebMvc
    @EnableWebSecurity
    @Import(SecurityConfig.class)
    static class WithoutAdminPassword {

        @Bean
        AdminProperties adminProperties() {
            return new AdminProperties("admin", null);
        }

        @Bean
        Pages pages() {
            return new Pages();
        }
    }

    @RestController
    static class Pages {

        @GetMapping({"/admin/comments", "/login", "/api/admin/posts"})
        String admin() {
            return "admin";
        }

        @GetMapping("/posts/open")
        String blog() {
            return "blog";
        }
    }
}
