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
        ProblemDetail problem = Problems.containerError(status);
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
            problem.setInstance(URI.create(uri));
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
