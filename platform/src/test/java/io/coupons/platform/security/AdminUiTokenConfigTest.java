package io.coupons.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The sides trust the admin UI's tokens for this API only, and beside an identity provider they
 * tell the two apart by issuer without asking the provider about the UI's.
 */
class AdminUiTokenConfigTest {

    @TempDir
    static Path folder;

    static KeyPair uiKey;
    static KeyPair otherKey;
    static FileSystemResource publicKey;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        uiKey = generator.generateKeyPair();
        otherKey = generator.generateKeyPair();
        Path pem = folder.resolve("ui.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(uiKey.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        publicKey = new FileSystemResource(pem);
    }

    @Test
    void acceptsTheUisTokenForThisApi() throws Exception {
        JwtDecoder decoder = new AdminUiTokenConfig().jwtDecoder(publicKey, "", List.of());

        assertThat(decoder.decode(token(uiKey, AdminUiTokenConfig.ISSUER, AdminUiTokenConfig.AUDIENCE)).getSubject())
                .isEqualTo("marta");
    }

    @Test
    void refusesAnotherKeyAnotherAudienceOrAnotherIssuer() throws Exception {
        JwtDecoder decoder = new AdminUiTokenConfig().jwtDecoder(publicKey, "", List.of());

        assertThatThrownBy(() -> decoder.decode(token(otherKey, AdminUiTokenConfig.ISSUER, AdminUiTokenConfig.AUDIENCE)))
                .isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(token(uiKey, AdminUiTokenConfig.ISSUER, "some-other-api")))
                .isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(token(uiKey, "https://elsewhere", AdminUiTokenConfig.AUDIENCE)))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void besideAnIdentityProviderTheUisTokensNeverReachIt() throws Exception {
        // Nothing listens there: had the UI's token been handed to the provider's decoder, it would fail.
        JwtDecoder decoder = new AdminUiTokenConfig().jwtDecoder(publicKey, "http://127.0.0.1:9/realms/none",
                List.of("coupons"));

        assertThat(decoder.decode(token(uiKey, AdminUiTokenConfig.ISSUER, AdminUiTokenConfig.AUDIENCE)).getSubject())
                .isEqualTo("marta");
        assertThatThrownBy(() -> decoder.decode(token(otherKey, "http://127.0.0.1:9/realms/none", "coupons")))
                .isInstanceOf(RuntimeException.class);
    }

    private static String token(KeyPair key, String issuer, String audience) throws Exception {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder().issuer(issuer)
                .audience(audience).subject("marta").claim("roles", List.of("AUDITOR")).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(120))).build());
        jwt.sign(new RSASSASigner(key.getPrivate()));
        return jwt.serialize();
    }
}
