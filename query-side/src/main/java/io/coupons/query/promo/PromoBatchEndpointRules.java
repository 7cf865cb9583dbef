package io.coupons.query.promo;

import io.coupons.platform.security.EndpointRules;
import io.coupons.platform.security.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Admins and auditors read promo batches; the code export hands codes out, so it is admins' only,
 * like the campaign downloads. The reporting CSV holds totals, no codes: auditors read it too.
 */
@Component
public class PromoBatchEndpointRules implements EndpointRules {

    @Override
    public void apply(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.GET, "/api/promo-batches/*/codes.csv").hasRole(Role.ADMIN.name());
        requests.requestMatchers(HttpMethod.GET, "/api/promo-batches", "/api/promo-batches/**")
                .hasAnyRole(Role.ADMIN.name(), Role.AUDITOR.name());
    }
}
