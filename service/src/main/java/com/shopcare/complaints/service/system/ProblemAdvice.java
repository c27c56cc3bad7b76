package com.shopcare.complaints.service.system;

import com.shopcare.complaints.api.model.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * The one place errors become responses: every error is an RFC 9457 problem detail, a 400 names every offending
 * field by its JSON path, and nothing internal (stack frames, class names) ever reaches the caller. Spring MVC's own
 * errors (415, 405, 404, ...) come from the base class, which already answers with problem details.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final RequestSchemas requestSchemas;
    private final RejectedRequests rejected;
    private final PatternMessages patternMessages;

    ProblemAdvice(RequestSchemas requestSchemas, RejectedRequests rejected, PatternMessages patternMessages) {
        this.requestSchemas = requestSchemas;
        this.rejected = rejected;
        this.patternMessages = patternMessages;
    }

    /** The regular expression of a failed {@code @Pattern}, as the yaml writes it. */
    private static String regexpOf(org.springframework.validation.FieldError error) {
        try {
            return (String) error.unwrap(ConstraintViolation.class).getConstraintDescriptor()
                    .getAttributes().get("regexp");
        } catch (IllegalArgumentException notAViolation) {
            return null;
        }
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors()
                .forEach(error -> errors.add(new FieldError(error.getField(), "Pattern".equals(error.getCode())
                        ? patternMessages.mismatch(regexpOf(error), error.getDefaultMessage()) : error.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors()
                .forEach(error -> errors.add(new FieldError("$", error.getDefaultMessage())));
        errors.sort(Comparator.comparing(FieldError::getField));
        return problem(Problems.invalidRequest(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        ProblemDetail refused = RefusedBodyException.findIn(ex);
        if (refused != null) {
            return problem(refused);
        }
        List<FieldError> violations = schemaViolations(request);
        return problem(Problems.invalidRequest(violations.isEmpty() ? List.of(JsonErrors.describe(cause)) : violations));
    }

    /** A multipart upload without a part the endpoint requires, e.g. a draft without its {@code files}. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        return problem(Problems.invalidRequest(List.of(new FieldError(ex.getRequestPartName(),
                "required part missing; send it as a part of the multipart/form-data body"))));
    }

    /** Checks the body Jackson gave up on against the yaml's schema of the handler's request body, for every field. */
    private List<FieldError> schemaViolations(WebRequest request) {
        if (!(request instanceof ServletWebRequest servletRequest)
                || !(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST)
                instanceof HandlerMethod handler)) {
            return List.of();
        }
        String body = RequestBodyLimit.bodyOf(servletRequest.getRequest());
        return Arrays.stream(handler.getMethodParameters())
                .filter(parameter -> parameter.hasParameterAnnotation(RequestBody.class))
                .findFirst()
                .filter(parameter -> body != null && !body.isBlank())
                .map(parameter -> requestSchemas.violations(parameter.getParameterType().getSimpleName(), body))
                .orElse(List.of());
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalidRequest(InvalidRequestException ex) {
        return problem(Problems.invalidRequest(ex.errors()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
        List<FieldError> errors = ex.getConstraintViolations().stream()
                .map(violation -> new FieldError(jsonPath(violation.getPropertyPath()), violation.getMessage()))
                .sorted(Comparator.comparing(FieldError::getField))
                .toList();
        return problem(Problems.invalidRequest(errors));
    }

    /** A body that claims to be multipart but is not; it never reaches a handler. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> brokenMultipart(MultipartException ex) {
        ProblemDetail refused = RefusedBodyException.findIn(ex);
        if (refused != null) {
            return problem(refused);
        }
        return problem(Problems.invalidRequest(List.of(new FieldError("$", "the body is not valid multipart/form-data"))));
    }

    @ExceptionHandler(ForeignShopException.class)
    ResponseEntity<Object> foreignShop(ForeignShopException ex) {
        return problem(Problems.forbidden(ex.getMessage()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException ex) {
        return problem(Problems.notFound(ex.getMessage()));
    }

    @ExceptionHandler(PinRefusedException.class)
    ResponseEntity<Object> pinRefused(PinRefusedException ex) {
        return ResponseEntity.status(ex.status()).header("Retry-After", Long.toString(ex.retryAfterSeconds()))
                .body(rejected.record(Problems.pinRefused(ex.status(), ex.getMessage())));
    }

    @ExceptionHandler(StoreUnavailableException.class)
    ResponseEntity<Object> storeUnavailable(StoreUnavailableException ex) {
        return problem(Problems.storeUnavailable(ex));
    }

    @ExceptionHandler(CheckFailedException.class)
    ResponseEntity<Object> checkFailed(CheckFailedException ex) {
        return problem(Problems.checkFailed(ex));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        // Logged here and nowhere else, with the id the caller finds in the problem response.
        log.error("Unexpected error while handling a request, correlationId={}", CorrelationIds.current(), ex);
        return problem(Problems.internalError());
    }

    /** Spring MVC's own problems (405, 406, 415, ...) are counted and stamped like ours. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            rejected.record(problem);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(rejected.record(problem));
    }

    /** Method validation paths start with the method and parameter names, which the caller never sent. */
    private static String jsonPath(jakarta.validation.Path path) {
        List<String> names = StreamSupport.stream(path.spliterator(), false).map(jakarta.validation.Path.Node::getName).toList();
        return names.size() > 2 ? String.join(".", names.subList(2, names.size())) : "$";
    }
}
