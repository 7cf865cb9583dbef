package io.coupons.ui.app;

import com.nimbusds.jose.jwk.JWKSet;
import io.coupons.platform.security.AdminUiTokenConfig;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Short-lived bearer tokens that let the UI call the API as the person signed in: {@code sub} is
 * their name (the "who" the sides record on every event), {@code roles} their roles, so the sides
 * decide exactly as they would for that person's own Basic credentials. No shared service account:
 * an auditor's token carries only {@code AUDITOR}, and the command side refuses its writes.
 */
@Component
public class ApiTokens {

    public static final String ISSUER = AdminUiTokenConfig.ISSUER;
    public static final String AUDIENCE = AdminUiTokenConfig.AUDIENCE;

    private final JwtEncoder encoder;
    private final UiProperties properties;
    private final Clock clock;

    public ApiTokens(UiProperties properties, Clock clock) throws IOException, GeneralSecurityException {
        if (properties.tokenKey() == null) {
            throw new IllegalStateException("coupons.admin-ui.token-key is not set: the PKCS#8 PEM RSA key the UI "
                    + "signs its API tokens with (the sides trust its public key)");
        }
        RSAPrivateCrtKey privateKey;
        try (InputStream pem = properties.tokenKey().getInputStream()) {
            privateKey = (RSAPrivateCrtKey) RsaKeyConverters.pkcs8().convert(pem);
        }
        RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(
                new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        RSAKey key = new RSAKey.Builder(publicKey).privateKey(privateKey).build();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        this.properties = properties;
        this.clock = clock;
    }

    /** A token for this person, good for {@code coupons.admin-ui.token-lifetime}. */
    public String tokenFor(Authentication person) {
        Instant now = clock.instant();
        List<String> roles = person.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_")).map(authority -> authority.substring(5)).toList();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(ISSUER).audience(List.of(AUDIENCE))
                .subject(person.getName()).issuedAt(now).expiresAt(now.plus(properties.tokenLifetime()))
                .claim("roles", roles).build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
