package io.coupons.platform.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}) as a problem body. Whatever answered with a
 * bare status before MVC could (Spring Security's firewall fallback, a filter's
 * {@code sendError}, a servlet's own 405) lands here; Boot's default would answer
 * {@code {timestamp,status,error,path}}. The body is written directly, whatever the client's
 * {@code Accept}, so no content negotiation can turn an error into another error.
 */
@Hidden // the container's, not an operation of the API
@RestController
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final ProblemResponses problems;

    public ProblemErrorController(ProblemResponses problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:/error}")
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatus status = statusOf(request);
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof RequestRejectedException) {
            problems.write(response, HttpStatus.BAD_REQUEST, "REQUEST_REJECTED", ProblemResponses.REJECTED_REQUEST);
            return;
        }
        if (status.is5xxServerError()) {
            log.error("Request {} failed with {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), status,
                    failure instanceof Throwable t ? t : null);
            problems.write(response, status, "INTERNAL_ERROR",
                    "Something failed on our side; nothing was changed by this request.");
            return;
        }
        problems.write(response, status, ProblemResponses.codeFor(status), ProblemResponses.describe(status));
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
