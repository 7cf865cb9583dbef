package io.coupons.platform.web;

import io.coupons.api.common.CommandRejection;
import io.coupons.api.common.FieldViolation;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one exception mapping of the API: every failure becomes an RFC 9457 problem with a stable
 * {@code code}; the caller's mistakes are 4xx naming the field, and only our own faults are 500.
 */
@RestControllerAdvice
public class ApiProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

    @ExceptionHandler(ApiProblemException.class)
    public ProblemDetail apiProblem(ApiProblemException e) {
        return ProblemResponses.problem(e.status(), e.code(), e.getMessage(), e.violations());
    }

    /**
     * A command handler refused, or a command or query was refused before its handler ran
     * ({@code InputTextGuard}): the {@link CommandRejection} in the details says how, the same for
     * Axon clients. Without one it is our own failure.
     */
    @ExceptionHandler({CommandExecutionException.class, QueryExecutionException.class})
    public ProblemDetail handlerRefused(HandlerExecutionException e) {
        Optional<Object> details = e.getDetails();
        if (details.isPresent() && details.get() instanceof CommandRejection rejection) {
            return ProblemResponses.problem(HttpStatus.valueOf(rejection.status()), rejection.code(),
                    rejection.message(), rejection.violations());
        }
        log.error("Command or query failed", e);
        return ProblemResponses.problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "Something failed on our side; nothing was changed by this request.", List.of());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ProblemDetail aggregateNotFound(AggregateNotFoundException e) {
        return ProblemResponses.problem(HttpStatus.NOT_FOUND, "NOT_FOUND",
                "No such resource: " + e.getAggregateIdentifier(), List.of());
    }

    /** Two writers raced for one aggregate and this one lost; the client may retry. */
    @ExceptionHandler(ConcurrencyException.class)
    public ProblemDetail concurrentModification(ConcurrencyException e) {
        return ProblemResponses.problem(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION",
                "Someone else changed this resource at the same moment; read it again and retry.", List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ProblemDetail parameterMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        if (e.getRequiredType() != null && e.getRequiredType().isEnum()) {
            expected = "one of " + List.of(e.getRequiredType().getEnumConstants());
        }
        String message = "'" + e.getValue() + "' is not " + expected;
        return ProblemResponses.problem(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", e.getName() + ": " + message,
                List.of(new FieldViolation(e.getName(), message)));
    }

    /**
     * Spring Security's firewall also checks parameter names lazily, when something first reads
     * them (a form body read as parameters): that refusal arrives here as an exception.
     */
    @ExceptionHandler(RequestRejectedException.class)
    public ProblemDetail requestRejected(RequestRejectedException e) {
        return ProblemResponses.problem(HttpStatus.BAD_REQUEST, "REQUEST_REJECTED", ProblemResponses.REJECTED_REQUEST,
                List.of());
    }

    @ExceptionHandler(Exception.class)
    public ProblemDetail unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return ProblemResponses.problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "Something failed on our side; nothing was changed by this request.", List.of());
    }

    /** Unparseable JSON, an unknown field or a value of the wrong type: name the field by its JSON path. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Optional<FieldViolation> violation = BodyErrors.violation(e);
        String detail = violation.map(v -> v.field() + ": " + v.message())
                .orElseGet(() -> BodyErrors.unreadable(e));
        return ResponseEntity.badRequest().body(ProblemResponses.problem(HttpStatus.BAD_REQUEST, "MALFORMED_BODY",
                detail, violation.stream().toList()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldViolation> violations = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldViolation(error.getField(), error.getDefaultMessage())).toList();
        return ResponseEntity.badRequest().body(ProblemResponses.problem(HttpStatus.BAD_REQUEST, "INVALID_FIELDS",
                "The request has " + violations.size() + " invalid field(s); see errors.", violations));
    }

    /** Spring's own 4xx (405, 415, missing parameter, ...) keep their status and get our code. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getProperties() == null) {
            problem.setProperty("code", ProblemResponses.codeFor(HttpStatus.valueOf(status.value())));
        }
        return super.createResponseEntity(body, headers, status, request);
    }
}
