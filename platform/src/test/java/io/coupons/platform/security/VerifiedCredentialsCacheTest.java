package io.coupons.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

class VerifiedCredentialsCacheTest {

    private final AtomicInteger bcryptChecks = new AtomicInteger();
    /** A production BCrypt check takes tens of milliseconds; cost 4 takes about one. */
    private volatile long checkMillis;
    private Instant now = Instant.parse("2026-11-21T12:00:00Z");
    private VerifiedCredentialsCache cache;

    @BeforeEach
    void setUp() {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        PasswordEncoder counting = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return bcrypt.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                bcryptChecks.incrementAndGet();
                try {
                    Thread.sleep(checkMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return bcrypt.matches(raw, encoded);
            }
        };
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
                User.withUsername("checkout").password(bcrypt.encode("secret")).roles("CHECKOUT").build());
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(counting);
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneId.of("UTC");
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        cache = new VerifiedCredentialsCache(provider, Duration.ofMinutes(5), 100, clock);
    }

    @Test
    void checksARightPasswordWithBCryptOnceThenRemembersIt() {
        Authentication first = cache.authenticate(login("checkout", "secret"));
        Authentication second = cache.authenticate(login("checkout", "secret"));

        assertThat(first.isAuthenticated()).isTrue();
        assertThat(second.getName()).isEqualTo("checkout");
        assertThat(second.getAuthorities()).extracting(Object::toString).contains("ROLE_CHECKOUT");
        assertThat(bcryptChecks).hasValue(1);
    }

    @Test
    void concurrentRequestsWithTheSameNewCredentialsShareOneBCryptCheck() throws Exception {
        // 16 requests arriving together (a sale starting, or the entry expiring under load).
        checkMillis = 100;
        java.util.List<String> names = io.coupons.platform.testing.Concurrently.run(16, 16,
                i -> cache.authenticate(login("checkout", "secret")).getName());

        assertThat(names).hasSize(16).containsOnly("checkout");
        assertThat(bcryptChecks).hasValue(1);
        assertThat(cache.delegated()).isEqualTo(1);
    }

    @Test
    void concurrentWrongPasswordsAreAllRefused() throws Exception {
        checkMillis = 50;
        java.util.List<Boolean> refused = io.coupons.platform.testing.Concurrently.run(8, 8, i -> {
            try {
                cache.authenticate(login("checkout", "wrong"));
                return false;
            } catch (BadCredentialsException expected) {
                return true;
            }
        });
        assertThat(refused).hasSize(8).containsOnly(true);
    }

    @Test
    void aWrongPasswordIsNeverAnsweredFromMemory() {
        cache.authenticate(login("checkout", "secret"));
        assertThatThrownBy(() -> cache.authenticate(login("checkout", "secreT")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> cache.authenticate(login("checkout", "secreT")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(bcryptChecks).hasValue(3);
    }

    @Test
    void forgetsAfterTheTimeToLive() {
        cache.authenticate(login("checkout", "secret"));
        now = now.plus(Duration.ofMinutes(5)).plusSeconds(1);
        cache.authenticate(login("checkout", "secret"));
        assertThat(bcryptChecks).hasValue(2);
    }

    private static UsernamePasswordAuthenticationToken login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }
}
