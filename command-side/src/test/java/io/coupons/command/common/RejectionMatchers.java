package io.coupons.command.common;

import io.coupons.api.common.CommandRejection;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Hamcrest matchers over a {@link CommandRejection}, for {@code expectExceptionDetails}. */
public final class RejectionMatchers {

    private RejectionMatchers() {
    }

    /** A 422 whose violations name {@code field}. */
    public static Matcher<CommandRejection> invalidField(String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandRejection rejection) {
                return rejection.status() == 422
                        && rejection.violations().stream().anyMatch(v -> v.field().equals(field));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a 422 rejection naming field ").appendValue(field);
            }
        };
    }

    /** A rejection with this status and stable code. */
    public static Matcher<CommandRejection> rejected(int status, String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandRejection rejection) {
                return rejection.status() == status && rejection.code().equals(code);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a rejection ").appendValue(status).appendText(" ").appendValue(code);
            }
        };
    }
}
