package io.coupons.platform.security;

import io.coupons.platform.web.ProblemResponses;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Stateless API security for both sides: HTTP Basic against configured users, plus bearer JWTs when
 * a {@link JwtDecoder} is configured (Spring Boot makes one from
 * {@code spring.security.oauth2.resourceserver.jwt.*}). 401 and 403 answer with problem details.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class ApiSecurityConfig {

    private static final String[] PUBLIC = {
            "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/health/**", "/error"};

    @Bean
    public SecurityFilterChain apiSecurity(HttpSecurity http, List<EndpointRules> rules,
                                           ObjectProvider<JwtDecoder> jwtDecoder, SecurityProperties properties,
                                           ProblemResponses problems) throws Exception {
        AccessDeniedHandler wrongRole = (request, response, e) ->
                problems.write(response, HttpStatus.FORBIDDEN, "FORBIDDEN", "Your role may not do this.");
        http.csrf(AbstractHttpConfigurer::disable) // no cookies, no sessions: nothing for CSRF to ride on
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(PUBLIC).permitAll();
                    // The request was authorized before it went async (streamed exports) or failed.
                    requests.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll();
                    rules.forEach(rule -> rule.apply(requests));
                    requests.anyRequest().authenticated();
                })
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        problems.write(response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                                "Credentials are missing or wrong.")))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Basic realm=\"coupons\"");
                            problems.write(response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                                    "Credentials are missing or wrong.");
                        })
                        .accessDeniedHandler(wrongRole));
        if (jwtDecoder.getIfAvailable() != null) {
            // A refused bearer token (expired, foreign key, malformed) is a problem body too; the
            // resource server's own entry point answers an empty 401.
            http.oauth2ResourceServer(oauth -> oauth
                    .authenticationEntryPoint((request, response, e) -> {
                        response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                        problems.write(response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                                "The bearer token is missing, expired or not one this service trusts.");
                    })
                    .accessDeniedHandler(wrongRole)
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthentication(properties.jwt()))));
        }
        return http.build();
    }

    /**
     * The firewall's refusals ({@code %25}, {@code %2F}, {@code ;jsessionid=}, {@code //} in a
     * path) as problem bodies: its default handler sends a bare 400 that Boot would render as
     * {@code {timestamp,status,error,path}}.
     */
    @Bean
    public RequestRejectedHandler problemForRejectedRequests(ProblemResponses problems) {
        return (request, response, e) -> problems.write(response, HttpStatus.BAD_REQUEST, "REQUEST_REJECTED",
                ProblemResponses.REJECTED_REQUEST);
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * HTTP Basic users checked with BCrypt once, then remembered for a few minutes (see
     * {@link VerifiedCredentialsCache}). Being the only {@code AuthenticationProvider} bean, and
     * with no {@code UserDetailsService} bean beside it, it is what Spring Security's global
     * authentication manager (the one HTTP Basic uses) is built from: an {@code AuthenticationManager}
     * bean would not be, and a {@code UserDetailsService} bean would get a plain BCrypt provider
     * instead. Bearer tokens have their own provider in the resource-server configuration.
     */
    @Bean
    public VerifiedCredentialsCache verifiedCredentials(SecurityProperties properties, PasswordEncoder passwords,
                                                        Clock clock) {
        List<UserDetails> users = properties.users().stream().map(ApiSecurityConfig::userDetails).toList();
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(users));
        bcrypt.setPasswordEncoder(passwords);
        return new VerifiedCredentialsCache(bcrypt, Duration.ofMinutes(5), 10_000, clock);
    }

    /** A configured user, refused at start-up without a name, an encoded password or a role. */
    public static UserDetails userDetails(SecurityProperties.User user) {
        if (user.name() == null || user.name().isBlank()) {
            throw new IllegalStateException("coupons.security.users: a user has no name");
        }
        if (user.password() == null || !user.password().startsWith("{")) {
            throw new IllegalStateException("coupons.security.users[" + user.name()
                    + "].password must be an encoded password such as {bcrypt}$2a$10$...");
        }
        if (user.roles() == null || user.roles().isEmpty()) {
            throw new IllegalStateException("coupons.security.users[" + user.name() + "] has no roles");
        }
        return User.withUsername(user.name()).password(user.password())
                .roles(user.roles().stream().map(Role::name).toArray(String[]::new)).build();
    }

    private static JwtAuthenticationConverter jwtAuthentication(SecurityProperties.Jwt jwt) {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(jwt.rolesClaim());
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        converter.setPrincipalClaimName(jwt.principalClaim());
        return converter;
    }
}
