package io.coupons.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Metrics (Prometheus scrape) are operators' data: admins only; a scraper sends an admin's credentials. */
@Component
public class MetricsEndpointRules implements EndpointRules {

    @Override
    public void apply(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/actuator/prometheus").hasRole(Role.ADMIN.name());
    }
}
