package io.coupons.platform.web;

import io.coupons.api.common.FieldViolation;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns Jackson's reading failures into the field the client got wrong and why. */
final class BodyErrors {

    private BodyErrors() {
    }

    static Optional<FieldViolation> violation(HttpMessageNotReadableException e) {
        if (!(e.getCause() instanceof DatabindException databind)) {
            return Optional.empty();
        }
        String field = path(databind);
        if (field.isEmpty()) {
            return Optional.empty();
        }
        if (databind instanceof StrictJsonConfig.RefusedValue refused) {
            return Optional.of(new FieldViolation(field, refused.getOriginalMessage()));
        }
        if (databind instanceof UnrecognizedPropertyException) {
            return Optional.of(new FieldViolation(field, "is not a known field"));
        }
        if (databind instanceof InvalidFormatException format && format.getTargetType() != null) {
            Class<?> target = format.getTargetType();
            String expected = target.isEnum() ? "one of " + Arrays.toString(target.getEnumConstants())
                    : "a valid " + target.getSimpleName();
            return Optional.of(new FieldViolation(field, "'" + format.getValue() + "' is not " + expected));
        }
        return Optional.of(new FieldViolation(field, "has the wrong type or format"));
    }

    /**
     * Why a body that names no field was refused: the parser's own words for broken JSON (a
     * duplicate key, nesting too deep, a stray token), which say nothing about our internals.
     */
    static String unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof StreamReadException parsing && parsing.getOriginalMessage() != null) {
            return "The body is not valid JSON: " + StrictJsonConfig.shortened(parsing.getOriginalMessage()
                    .lines().findFirst().orElse("")) + ".";
        }
        return "The body is missing or is not valid JSON.";
    }

    private static String path(DatabindException databind) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : databind.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
