package io.coupons.ui.app;

import io.coupons.platform.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every screen knows about the person signed in: their name, and whether they may change
 * things. Templates show write buttons only {@code th:if="${canWrite}"}; the API refuses an auditor's
 * writes whatever a page shows.
 */
@ControllerAdvice
public class UiModel {

    @ModelAttribute("signedIn")
    public String signedIn() {
        Authentication person = SecurityContextHolder.getContext().getAuthentication();
        return person == null ? null : person.getName();
    }

    @ModelAttribute("canWrite")
    public boolean canWrite() {
        return canWrite(SecurityContextHolder.getContext().getAuthentication());
    }

    public static boolean canWrite(Authentication person) {
        return person != null && person.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + Role.ADMIN.name()));
    }
}
