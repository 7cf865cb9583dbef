package io.coupons.ui.app;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page and the landing redirect. */
@Controller
public class SignInController {

    @GetMapping("/login")
    public String signIn() {
        return "login";
    }

    @GetMapping("/")
    public String home() {
        return "redirect:/coupons";
    }
}
