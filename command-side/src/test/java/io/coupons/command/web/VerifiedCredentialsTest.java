package io.coupons.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.command.CommandSideTest;
import io.coupons.platform.security.VerifiedCredentialsCache;
import io.coupons.platform.testing.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * HTTP Basic requests go through the verified-credentials cache: the password check (BCrypt for
 * real users) runs once per user and password, not once per request.
 */
@CommandSideTest
class VerifiedCredentialsTest {

    @LocalServerPort
    int port;

    @Autowired
    VerifiedCredentialsCache cache;

    @Test
    void repeatedRequestsWithTheSameCredentialsSkipThePasswordCheck() {
        TestHttp checkout = TestHttp.at(port).as("checkout");
        checkout.get("/api/redemptions/validate");
        long afterFirst = cache.delegated();

        for (int i = 0; i < 5; i++) {
            assertThat(checkout.get("/api/redemptions/validate").status()).isNotIn(401, 403);
        }

        assertThat(cache.delegated()).isEqualTo(afterFirst);
    }

    @Test
    void aWrongPasswordIsCheckedEveryTimeAndRefused() {
        TestHttp intruder = TestHttp.at(port).as("checkout", "not-the-password");
        long before = cache.delegated();

        assertThat(intruder.get("/api/redemptions/validate").status()).isEqualTo(401);
        assertThat(intruder.get("/api/redemptions/validate").status()).isEqualTo(401);

        assertThat(cache.delegated()).isEqualTo(before + 2);
    }
}
