package io.coupons.platform.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is logged in and with which roles, on both sides. A screen uses it to show only what the user
 * may do; the benchmark uses it as the service's HTTP floor: the cheapest authenticated GET (login,
 * filters, JSON) with no database and no query bus behind it.
 */
@RestController
@Tag(name = "Session")
public class CurrentUserController {

    /** The caller's login name and roles (ADMIN, CHECKOUT, AUDITOR). */
    public record CurrentUser(String name, List<String> roles) {
    }

    @GetMapping("/api/me")
    @Operation(summary = "The logged-in user and their roles")
    public CurrentUser me(Authentication authentication) {
        return new CurrentUser(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length())).sorted().toList());
    }
}
