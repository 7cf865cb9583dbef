package io.coupons.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * BCrypt is slow on purpose (tens of milliseconds of CPU per check), and HTTP Basic checks the
 * password on every request: at a few requests per second that alone eats a core. This provider
 * remembers, for a short while, that a given user name and password (kept only as a SHA-256
 * digest, in memory) were verified, and answers the same authentication without BCrypt. A wrong
 * password never matches a remembered digest, so it still goes to BCrypt and fails there.
 */
public class VerifiedCredentialsCache implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final Duration timeToLive;
    private final int maxEntries;
    private final Clock clock;
    private final Map<String, Entry> verified;
    private final AtomicLong delegated = new AtomicLong();
    /**
     * Checks under way, by the same key: when the entry of a busy checkout expires (or the service
     * starts during a sale), every request in flight would otherwise run BCrypt at once, dozens of
     * times tens of milliseconds of CPU in one burst; they wait for the one check instead.
     */
    private final ConcurrentMap<String, CompletableFuture<Authentication>> checking = new ConcurrentHashMap<>();

    private record Entry(Authentication authentication, Instant expiresAt) {
    }

    public VerifiedCredentialsCache(AuthenticationProvider delegate, Duration timeToLive, int maxEntries, Clock clock) {
        this.delegate = delegate;
        this.timeToLive = timeToLive;
        this.maxEntries = maxEntries;
        this.clock = clock;
        this.verified = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > VerifiedCredentialsCache.this.maxEntries;
            }
        };
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (!(authentication.getCredentials() instanceof String password)) {
            return delegate.authenticate(authentication);
        }
        String key = authentication.getName() + '\n' + sha256(password);
        Instant now = clock.instant();
        Authentication cached = stillVerified(key, now);
        if (cached != null) {
            return cached;
        }
        CompletableFuture<Authentication> mine = new CompletableFuture<>();
        CompletableFuture<Authentication> running = checking.putIfAbsent(key, mine);
        if (running != null) {
            return awaitCheck(running);
        }
        try {
            // A check that finished since the look-up above stored its answer before it left.
            cached = stillVerified(key, now);
            if (cached != null) {
                mine.complete(cached);
                return cached;
            }
            delegated.incrementAndGet();
            Authentication result = delegate.authenticate(authentication);
            if (result != null && result.isAuthenticated()) {
                synchronized (verified) {
                    verified.put(key, new Entry(result, now.plus(timeToLive)));
                }
            }
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error failure) {
            mine.completeExceptionally(failure);
            throw failure;
        } finally {
            checking.remove(key, mine);
        }
    }

    /** The remembered answer for this user and password, or null if there is none or it expired. */
    private Authentication stillVerified(String key, Instant now) {
        synchronized (verified) {
            Entry entry = verified.get(key);
            return entry != null && entry.expiresAt().isAfter(now) ? entry.authentication() : null;
        }
    }

    /** Another request is checking the same user and password right now: its answer is this one's. */
    private static Authentication awaitCheck(CompletableFuture<Authentication> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** How many authentications went to the password check (BCrypt) rather than the cache. */
    public long delegated() {
        return delegated.get();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String sha256(String password) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
