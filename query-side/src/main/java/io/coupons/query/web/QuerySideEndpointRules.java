package io.coupons.query.web;

import io.coupons.platform.security.EndpointRules;
import io.coupons.platform.security.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Admins and auditors read campaigns, rules and generation history; only admins download codes. */
@Component
public class QuerySideEndpointRules implements EndpointRules {

    @Override
    public void apply(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        // Downloads hand codes out (and mark batches exported): admins' work, not auditors'.
        requests.requestMatchers(HttpMethod.GET, "/api/campaigns/*/batches/*/codes*.csv", "/api/campaigns/*/codes*.csv",
                "/api/exports/**").hasRole(Role.ADMIN.name());
        requests.requestMatchers(HttpMethod.GET, "/api/campaigns/**", "/api/discount-rules/**")
                .hasAnyRole(Role.ADMIN.name(), Role.AUDITOR.name());
    }
}
