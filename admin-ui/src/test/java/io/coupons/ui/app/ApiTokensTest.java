package io.coupons.ui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coupons.platform.security.AdminUiTokenConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/** The UI's API tokens: the person's own name and roles, signed with the UI's key, short-lived. */
class ApiTokensTest {

    @TempDir
    static Path folder;

    static KeyPair pair;
    static Path privateKey;
    static Path publicKey;

    @BeforeAll
    static void key() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        pair = generator.generateKeyPair();
        privateKey = folder.resolve("key.pem");
        Files.writeString(privateKey, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        publicKey = folder.resolve("public.pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
    }

    @Test
    void carriesThePersonsNameAndRolesForTheApiAudience() throws Exception {
        Instant now = Instant.now();
        ApiTokens tokens = tokens(Clock.fixed(now, ZoneOffset.UTC));
        String token = tokens.tokenFor(UsernamePasswordAuthenticationToken.authenticated("marta", null,
                AuthorityUtils.createAuthorityList("ROLE_AUDITOR")));

        Jwt jwt = decoder().decode(token);

        assertThat(jwt.getSubject()).isEqualTo("marta");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("AUDITOR");
        assertThat(jwt.getAudience()).containsExactly(ApiTokens.AUDIENCE);
        assertThat(jwt.getClaimAsString("iss")).isEqualTo(ApiTokens.ISSUER);
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        ApiTokens tokens = tokens(Clock.fixed(Instant.now().minus(Duration.ofMinutes(10)), ZoneOffset.UTC));
        String token = tokens.tokenFor(UsernamePasswordAuthenticationToken.authenticated("admin", null,
                AuthorityUtils.createAuthorityList("ROLE_ADMIN")));

        assertThatThrownBy(() -> decoder().decode(token)).isInstanceOf(JwtException.class);
    }

    @Test
    void refusesToStartWithoutAKey() {
        assertThatThrownBy(() -> new ApiTokens(new UiProperties("http://c", "http://q", null, null, null),
                Clock.systemUTC())).isInstanceOf(IllegalStateException.class).hasMessageContaining("token-key");
    }

    private static ApiTokens tokens(Clock clock) throws Exception {
        return new ApiTokens(new UiProperties("http://c", "http://q", new FileSystemResource(privateKey), null, null),
                clock);
    }

    /** Exactly as the sides decode them. */
    private static JwtDecoder decoder() throws Exception {
        return AdminUiTokenConfig.adminUiDecoder(new FileSystemResource(publicKey));
    }
}
