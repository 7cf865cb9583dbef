package io.coupons.bench.peer;

import io.coupons.platform.security.Role;
import io.coupons.platform.security.SecurityProperties;
import io.coupons.platform.security.VerifiedCredentialsCache;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The same security as our service's (platform's ApiSecurityConfig): stateless HTTP Basic on every
 * request against the users the bench gives both ({@code coupons.security.users}, BCrypt-encoded),
 * checked once and then remembered by the same {@link VerifiedCredentialsCache}, the checkout role
 * required as ours requires it for redemptions. Only health is open, for the bench's start-up probe.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class PeerSecurityConfig {

    @Bean
    SecurityFilterChain peerSecurity(HttpSecurity http) throws Exception {
        return http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health").permitAll()
                        .anyRequest().hasRole(Role.CHECKOUT.name()))
                .httpBasic(Customizer.withDefaults())
                .build();
    }

    /** The only AuthenticationProvider bean, so HTTP Basic's authentication manager is built from it, as in ours. */
    @Bean
    VerifiedCredentialsCache verifiedCredentials(SecurityProperties properties) {
        List<UserDetails> users = properties.users().stream().map(user -> User.withUsername(user.name())
                .password(user.password()).roles(user.roles().stream().map(Role::name).toArray(String[]::new))
                .build()).toList();
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(users));
        bcrypt.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        return new VerifiedCredentialsCache(bcrypt, Duration.ofMinutes(5), 10_000, Clock.systemUTC());
    }
}
