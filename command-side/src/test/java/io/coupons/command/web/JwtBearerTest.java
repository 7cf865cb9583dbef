package io.coupons.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.coupons.command.CommandSideApplication;
import io.coupons.command.EventStoreProbe;
import io.coupons.platform.testing.TestDatabaseInitializer;
import io.coupons.platform.testing.TestHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production option: bearer JWTs from an identity provider. Roles come from the "roles" claim,
 * and the configured principal claim is the user recorded in the events.
 */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + CommandSideApplication.CONFIG_NAME,
                "coupons.security.jwt.principal-claim=preferred_username"})
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class JwtBearerTest {

    private static final KeyPair ISSUER_KEYS = rsaKeys();
    private static final KeyPair OTHER_KEYS = rsaKeys();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void issuerPublicKey(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location",
                () -> "file:" + publicKeyFile());
    }

    @Test
    void adminTokenCreatesCampaignAndTheEventNamesTheTokensUser() {
        TestHttp.Response created = post(token(ISSUER_KEYS, "carol", List.of("ADMIN"), 300));

        assertThat(created.status()).as(created::toString).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(new EventStoreProbe(jdbc).metadata(id, 0)).contains("\"user\":\"carol\"");
    }

    @Test
    void auditorTokenMayNotWrite() {
        assertThat(post(token(ISSUER_KEYS, "dave", List.of("AUDITOR"), 300)).status()).isEqualTo(403);
    }

    @Test
    void expiredOrForeignTokensAreRefusedWithAProblemBody() {
        for (String jwt : List.of(token(ISSUER_KEYS, "carol", List.of("ADMIN"), -60),
                token(OTHER_KEYS, "mallory", List.of("ADMIN"), 300), "not.a.token")) {
            TestHttp.Response response = post(jwt);
            assertThat(response.status()).as(response::toString).isEqualTo(401);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().get("code").asString()).isEqualTo("UNAUTHENTICATED");
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        }
    }

    private TestHttp.Response post(String jwt) {
        TestHttp http = TestHttp.at(port);
        String code = "JWT" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        return http.send(http.request("/api/campaigns").header("Authorization", "Bearer " + jwt)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"code\": \"" + code + "\", \"type\": \"SINGLE_CODE\"}")));
    }

    private static String token(KeyPair keys, String user, List<String> roles, long validSeconds) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(UUID.randomUUID().toString())
                .claim("preferred_username", user).claim("roles", roles)
                .issueTime(Date.from(now.minusSeconds(120))).expirationTime(Date.from(now.plusSeconds(validSeconds)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static Path publicKeyFile() {
        try {
            Path file = Files.createTempFile("issuer", ".pub");
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(ISSUER_KEYS.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(file, pem);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
