package io.coupons.api.common;

import java.util.List;

/**
 * Why a command was refused. Travels as the details of Axon's {@code CommandExecutionException}, so
 * an Axon client (through Axon Server too) gets the same stable {@code code} a REST client gets in
 * its problem body.
 *
 * @param status     the HTTP status that fits (404 unknown target, 409 conflict, 422 broken rule)
 * @param code       stable machine-readable reason, e.g. {@code CAMPAIGN_CODE_TAKEN}
 * @param message    human-readable explanation
 * @param violations the offending fields, empty when the refusal is not about one field
 */
public record CommandRejection(int status, String code, String message, List<FieldViolation> violations) {

    public CommandRejection {
        violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public static CommandRejection notFound(String code, String message) {
        return new CommandRejection(404, code, message, List.of());
    }

    public static CommandRejection conflict(String code, String message) {
        return new CommandRejection(409, code, message, List.of());
    }

    public static CommandRejection invalid(List<FieldViolation> violations) {
        return new CommandRejection(422, "INVALID_FIELDS",
                "The request breaks " + violations.size() + " rule(s); see errors.", violations);
    }
}
