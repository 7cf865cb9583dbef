package io.coupons.platform.security;

import com.nimbusds.jwt.JWTParser;
import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * Trust in the admin UI's bearer tokens ({@code coupons.security.admin-ui-key}: the public half of
 * the key the UI signs with). The UI calls the API as the person signed in: such a token names that
 * person ({@code sub}, recorded on every event) and their roles, is meant for this API
 * ({@code aud}) and lives two minutes. Tokens of an identity provider
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, profile {@code jwt}) stay trusted
 * beside them, told apart by their issuer: Boot configures one decoder only, so this bean replaces
 * it and keeps its checks (issuer, and {@code audiences} when set).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = AdminUiTokenConfig.KEY_PROPERTY)
public class AdminUiTokenConfig {

    public static final String KEY_PROPERTY = "coupons.security.admin-ui-key";
    public static final String ISSUER = "coupons-admin-ui";
    public static final String AUDIENCE = "coupons-api";

    @Bean
    public JwtDecoder jwtDecoder(@Value("${" + KEY_PROPERTY + "}") Resource key,
                                 @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer,
                                 @Value("${spring.security.oauth2.resourceserver.jwt.audiences:}") List<String> audiences)
            throws IOException {
        JwtDecoder adminUi = adminUiDecoder(key);
        if (issuer.isBlank()) {
            return adminUi;
        }
        // Resolved at the first token, as Boot does: the provider need not answer while we start.
        JwtDecoder provider = new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(issuer);
            decoder.setJwtValidator(validators(issuer, audiences));
            return decoder;
        });
        return token -> ISSUER.equals(issuerOf(token)) ? adminUi.decode(token) : provider.decode(token);
    }

    /** What the sides check a UI token with: the UI's key, its issuer, this API's audience, the expiry. */
    public static JwtDecoder adminUiDecoder(Resource key) throws IOException {
        RSAPublicKey publicKey;
        try (InputStream pem = key.getInputStream()) {
            publicKey = RsaKeyConverters.x509().convert(pem);
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey).build();
        decoder.setJwtValidator(validators(ISSUER, List.of(AUDIENCE)));
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> validators(String issuer, List<String> audiences) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(JwtValidators.createDefaultWithIssuer(issuer));
        List<String> wanted = audiences.stream().filter(audience -> !audience.isBlank()).toList();
        if (!wanted.isEmpty()) {
            validators.add(new JwtClaimValidator<List<String>>("aud",
                    audience -> audience != null && audience.stream().anyMatch(wanted::contains)));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    /** The issuer a token claims, read before its signature is checked, only to pick who checks it. */
    private static String issuerOf(String token) {
        try {
            return JWTParser.parse(token).getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw new BadJwtException("The bearer token cannot be read", e);
        }
    }
}
