package io.coupons.command.common;

import io.coupons.api.common.FieldViolation;
import java.util.ArrayList;
import java.util.List;

/** Collects every broken rule of a request, so the client fixes them all in one round trip. */
public final class Violations {

    private final List<FieldViolation> found = new ArrayList<>();

    public Violations add(String field, String message) {
        found.add(new FieldViolation(field, message));
        return this;
    }

    public Violations addIf(boolean broken, String field, String message) {
        if (broken) {
            add(field, message);
        }
        return this;
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<FieldViolation> list() {
        return List.copyOf(found);
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw CommandRejectedException.invalid(list());
        }
    }
}
