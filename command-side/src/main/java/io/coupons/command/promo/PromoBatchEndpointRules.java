package io.coupons.command.promo;

import io.coupons.platform.security.EndpointRules;
import io.coupons.platform.security.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Promo code batches are the admins' work (checkout redeems their codes at /api/redemptions). */
@Component
public class PromoBatchEndpointRules implements EndpointRules {

    @Override
    public void apply(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/api/promo-batches/**", "/api/promo-batches").hasRole(Role.ADMIN.name());
    }
}
