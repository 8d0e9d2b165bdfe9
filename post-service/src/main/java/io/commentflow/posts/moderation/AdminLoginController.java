package io.commentflow.posts.moderation;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The admin login page; Spring Security handles its POST (username, password, CSRF token). */
@Controller
class AdminLoginController {

    @GetMapping("/login")
    String login() {
        return "admin/login";
    }
}
