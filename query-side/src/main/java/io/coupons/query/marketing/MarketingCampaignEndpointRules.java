package io.coupons.query.marketing;

import io.coupons.platform.security.EndpointRules;
import io.coupons.platform.security.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Admins pick marketing campaigns for rules; auditors see what rules were associated with. */
@Component
public class MarketingCampaignEndpointRules implements EndpointRules {

    @Override
    public void apply(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.GET, "/api/marketing-campaigns/**")
                .hasAnyRole(Role.ADMIN.name(), Role.AUDITOR.name());
    }
}
