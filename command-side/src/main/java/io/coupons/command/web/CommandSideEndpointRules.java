package io.coupons.command.web;

import io.coupons.platform.security.EndpointRules;
import io.coupons.platform.security.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Campaigns, rules and variant groups are the admins' work; redemption is the checkout's. */
@Component
public class CommandSideEndpointRules implements EndpointRules {

    @Override
    public void apply(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/api/campaigns/**", "/api/discount-rules/**", "/api/variant-groups/**")
                .hasRole(Role.ADMIN.name());
        // Redeeming is the checkout's work only: an admin who could redeem could spend any code.
        requests.requestMatchers("/api/redemptions/**").hasRole(Role.CHECKOUT.name());
    }
}
