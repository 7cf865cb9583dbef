package io.coupons.ui.app;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/** Back to the sign-in page, saying whether the password was wrong or the account is not for the UI. */
final class SignInFailureHandler implements AuthenticationFailureHandler {

    static final String NOT_FOR_THE_UI = "This account is for the checkout's API and cannot sign in to the admin UI.";

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        response.sendRedirect(exception instanceof DisabledException ? "/login?notForUi" : "/login?error");
    }
}
