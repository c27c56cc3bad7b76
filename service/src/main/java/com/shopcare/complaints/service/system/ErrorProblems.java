package com.shopcare.complaints.service.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * Errors the servlet container raises itself, before or outside Spring MVC (a client too slow to send its body:
 * 408; a request line Tomcat cannot parse: 400), end up at {@code /error}. They are problem details like every other
 * error, instead of Spring Boot's default error map.
 */
@RestController
class ErrorProblems implements ErrorController {

    private final RejectedRequests rejected;

    ErrorProblems(RejectedRequests rejected) {
        this.rejected = rejected;
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.resolve(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        // A 400 here without an exception is Spring Security's firewall refusing the path (a backslash, an encoded
        // dot segment): the problem names the path parameter.
        ProblemDetail problem = status == HttpStatus.BAD_REQUEST && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) == null
                ? Problems.refusedPath(uri instanceof String path ? path : null, status) : Problems.containerError(status);
        if (uri instanceof String path) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException notAUri) {
                // left out
            }
        }
        // The request's own filters are done by now; its correlation id is in the response header they set.
        String correlationId = response.getHeader(CorrelationIds.HEADER);
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        rejected.record(problem);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
