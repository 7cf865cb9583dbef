package io.coupons.query.projection;

import io.coupons.platform.security.EndpointRules;
import io.coupons.platform.security.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Dead letters and replays are operators' business: admins only. */
@Component
public class ProjectionAdminEndpointRules implements EndpointRules {

    @Override
    public void apply(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/api/admin/dead-letters", "/api/admin/dead-letters/**", "/api/admin/processors/**")
                .hasRole(Role.ADMIN.name());
    }
}
