package io.coupons.command.marketing;

import io.coupons.platform.security.EndpointRules;
import io.coupons.platform.security.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Defining marketing campaigns is the admins' work. */
@Component
public class MarketingCampaignEndpointRules implements EndpointRules {

    @Override
    public void apply(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/api/marketing-campaigns/**").hasRole(Role.ADMIN.name());
    }
}
