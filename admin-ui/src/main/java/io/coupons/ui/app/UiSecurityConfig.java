package io.coupons.ui.app;

import io.coupons.platform.security.ApiSecurityConfig;
import io.coupons.platform.security.Role;
import io.coupons.platform.security.SecurityProperties;
import io.coupons.platform.web.ProblemResponses;
import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The browser's session: form login against the same users and roles as the API
 * ({@code coupons.security.users}), a session cookie, CSRF tokens on every change. {@code ADMIN} may
 * change things, {@code AUDITOR} may only look; {@code CHECKOUT} cannot sign in at all. These rules
 * only shape the screens: every request the UI makes is checked again by the side it reaches, with
 * the signed-in person's own roles ({@link ApiTokens}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SecurityProperties.class, UiProperties.class})
public class UiSecurityConfig {

    private static final String[] PUBLIC = {"/login", "/webjars/**", "/ui/**", "/favicon.ico", "/actuator/health/**",
            "/error"};
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; "
            + "base-uri 'none'";

    @Bean
    public SecurityFilterChain uiSecurity(HttpSecurity http, ProblemResponses problems,
                                          DaoAuthenticationProvider signIn) throws Exception {
        LoginUrlAuthenticationEntryPoint toLogin = new LoginUrlAuthenticationEntryPoint("/login");
        http.authenticationProvider(signIn)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC).permitAll()
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.GET, "/**").hasAnyRole(Role.ADMIN.name(), Role.AUDITOR.name())
                        .requestMatchers(HttpMethod.POST, "/logout").authenticated()
                        .anyRequest().hasRole(Role.ADMIN.name()))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/coupons", true)
                        .failureHandler(new SignInFailureHandler()))
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            if (HtmxRequest.isHtmx(request)) {
                                // The session ended: htmx would swap the login page into a fragment.
                                response.setHeader("HX-Redirect", "/login");
                                problems.write(response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                                        "Your session has ended; sign in again.");
                            } else {
                                toLogin.commence(request, response, e);
                            }
                        })
                        .accessDeniedHandler((request, response, e) -> problems.write(response,
                                HttpStatus.FORBIDDEN, "FORBIDDEN",
                                "Your role may not do this, or the form was not one this session issued.")));
        return http.build();
    }

    /** The firewall's refusals ({@code %2F}, {@code ;jsessionid=}, ...) as problem bodies, as on the API. */
    @Bean
    public RequestRejectedHandler problemForRejectedRequests(ProblemResponses problems) {
        return (request, response, e) -> problems.write(response, HttpStatus.BAD_REQUEST, "REQUEST_REJECTED",
                ProblemResponses.REJECTED_REQUEST);
    }

    /**
     * BCrypt against the configured users; a user without {@code ADMIN} or {@code AUDITOR} is refused
     * after its password checked out, so the refusal tells nothing to someone guessing passwords.
     */
    @Bean
    public DaoAuthenticationProvider signIn(SecurityProperties properties) {
        List<UserDetails> users = properties.users().stream().map(ApiSecurityConfig::userDetails).toList();
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(users));
        provider.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        UserDetailsChecker mayUseTheUi = user -> {
            boolean admits = user.getAuthorities().stream().anyMatch(authority ->
                    authority.getAuthority().equals("ROLE_" + Role.ADMIN.name())
                            || authority.getAuthority().equals("ROLE_" + Role.AUDITOR.name()));
            if (!admits) {
                throw new DisabledException(SignInFailureHandler.NOT_FOR_THE_UI);
            }
        };
        provider.setPostAuthenticationChecks(mayUseTheUi);
        return provider;
    }
}
