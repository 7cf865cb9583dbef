package io.coupons.platform.testing;

/**
 * Logins every test context gets. {@code {noop}} keeps BCrypt's deliberate slowness out of the
 * test run; the launcher's tests cover the real BCrypt path.
 */
public final class TestUsers {

    public static final String PASSWORD = "test-password";

    public static final String[] PROPERTIES = {
            "coupons.security.users[0].name=admin",
            "coupons.security.users[0].password={noop}" + PASSWORD,
            "coupons.security.users[0].roles=ADMIN",
            "coupons.security.users[1].name=checkout",
            "coupons.security.users[1].password={noop}" + PASSWORD,
            "coupons.security.users[1].roles=CHECKOUT",
            "coupons.security.users[2].name=auditor",
            "coupons.security.users[2].password={noop}" + PASSWORD,
            "coupons.security.users[2].roles=AUDITOR",
    };

    private TestUsers() {
    }
}
