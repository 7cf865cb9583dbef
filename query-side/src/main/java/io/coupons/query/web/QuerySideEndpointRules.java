package io.coupons.query.web;

import io.coupons.platform.security.EndpointRules;
import io.coupons.platform.security.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Admins and auditors read campaigns, rules, generation history and usage; only admins download
 * codes; checkout (and admins) resolve URL tokens. Anything not named here only needs a login, so
 * every new path gets a rule.
 */
@Component
public class QuerySideEndpointRules implements EndpointRules {

    @Override
    public void apply(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        // Downloads hand codes out (and mark batches exported): admins' work, not auditors'.
        requests.requestMatchers(HttpMethod.GET, "/api/campaigns/*/batches/*/codes*.csv", "/api/campaigns/*/codes*.csv",
                "/api/exports/**").hasRole(Role.ADMIN.name());
        requests.requestMatchers(HttpMethod.GET, "/api/campaigns/**", "/api/discount-rules/**", "/api/codes/**")
                .hasAnyRole(Role.ADMIN.name(), Role.AUDITOR.name());
        // A storefront landing on a link asks what it offers; auditors have no use for that.
        requests.requestMatchers(HttpMethod.GET, "/api/url-tokens/**")
                .hasAnyRole(Role.CHECKOUT.name(), Role.ADMIN.name());
    }
}
