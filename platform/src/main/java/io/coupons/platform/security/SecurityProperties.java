package io.coupons.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may call the API. {@code users} are for HTTP Basic (the embedded default, small setups);
 * production may add or replace them with JWTs from an identity provider (profile {@code jwt}).
 *
 * @param users HTTP Basic users; {@code password} is an encoded password with its {@code {id}}
 *              prefix, e.g. {@code {bcrypt}$2a$10$...}: plain passwords are refused at start-up
 * @param jwt   how roles and the user name are read from a bearer token
 */
@ConfigurationProperties("coupons.security")
public record SecurityProperties(List<User> users, Jwt jwt) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        jwt = jwt == null ? new Jwt(null, null) : jwt;
    }

    public record User(String name, String password, List<Role> roles) {
    }

    /**
     * @param rolesClaim     claim holding the role names (default {@code roles})
     * @param principalClaim claim naming the user recorded in events (default {@code sub})
     */
    public record Jwt(String rolesClaim, String principalClaim) {
        public Jwt {
            rolesClaim = rolesClaim == null ? "roles" : rolesClaim;
            principalClaim = principalClaim == null ? "sub" : principalClaim;
        }
    }
}
