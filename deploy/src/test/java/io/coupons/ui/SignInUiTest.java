package io.coupons.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** The browser signs in once with the API's own users; the checkout's account cannot. */
@ExtendWith(UiSystem.class)
class SignInUiTest {

    @Test
    void adminSignsInAndLandsOnTheCouponsTab() {
        try (Browser browser = Browser.open("sign-in")) {
            browser.go("/coupons");
            assertThat(browser.find(By.id("sign-in-form")).isDisplayed()).isTrue();
            browser.screenshot("sign-in");
            browser.signIn("admin");
            assertThat(browser.find(By.id("signed-in-as")).getText()).isEqualTo("admin");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/coupons");
            // The session lives in an HttpOnly cookie; nothing about the person is in browser storage.
            Object stored = browser.script(
                    "return window.localStorage.length + window.sessionStorage.length + document.cookie.length");
            assertThat(((Number) stored).intValue()).isZero();
        }
    }

    @Test
    void wrongPasswordIsRefused() {
        try (Browser browser = Browser.open("sign-in-wrong")) {
            browser.go("/login");
            browser.type(By.id("username"), "admin");
            browser.type(By.id("password"), "not-the-password");
            browser.click(By.id("sign-in"));
            assertThat(browser.find(By.id("sign-in-error")).getText()).contains("wrong");
        }
    }

    @Test
    void checkoutCannotSignIn() {
        try (Browser browser = Browser.open("sign-in-checkout")) {
            browser.signIn("checkout");
            assertThat(browser.find(By.id("sign-in-refused")).getText()).contains("cannot sign in");
            browser.go("/coupons");
            assertThat(browser.find(By.id("sign-in-form")).isDisplayed()).isTrue();
        }
    }
}
