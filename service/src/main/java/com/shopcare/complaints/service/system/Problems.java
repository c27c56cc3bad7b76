package com.shopcare.complaints.service.system;

import com.shopcare.complaints.api.model.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

/** The problem details this service answers with (RFC 9457), in one place so every path says the same thing. */
public final class Problems {

    private static final String TYPE_PREFIX = "https://shopcare.example/problems/";

    private Problems() {
    }

    /**
     * The most offending fields one answer names: a body of 64 KiB can hold thousands of unknown fields, and naming
     * each would make the answer ten times the request (issue 21). The rest are counted.
     */
    static final int MAX_LISTED_ERRORS = 20;

    static ProblemDetail invalidRequest(List<FieldError> errors) {
        int notListed = errors.size() - MAX_LISTED_ERRORS;
        if (notListed > 0) {
            errors = new java.util.ArrayList<>(errors.subList(0, MAX_LISTED_ERRORS));
            errors.add(new FieldError("$", notListed + " more invalid field(s) not listed; correct these first"));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.stream().map(FieldError::getField).distinct()
                        .collect(Collectors.joining(", ", "Invalid field(s): ", "")));
        problem.setType(URI.create(TYPE_PREFIX + "invalid-request"));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    static ProblemDetail payloadTooLarge(long maxBytes) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than " + maxBytes + " bytes.");
        problem.setType(URI.create(TYPE_PREFIX + "payload-too-large"));
        problem.setTitle("Request body too large");
        return problem;
    }

    static ProblemDetail bodyTooSlow(java.time.Duration budget) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.REQUEST_TIMEOUT,
                "The request body did not arrive within " + budget.toMillis() + " ms of its headers.");
        problem.setType(URI.create(TYPE_PREFIX + "request-timeout"));
        problem.setTitle("Request not received in time");
        return problem;
    }

    static ProblemDetail tooManySlowBodies() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Too many requests are sending their body slowly right now; send the body at once, or retry later.");
        problem.setType(URI.create(TYPE_PREFIX + "too-many-slow-requests"));
        problem.setTitle("Too many slow requests");
        return problem;
    }

    static ProblemDetail tooManyFromOneAddress(int limit) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "This client address already has " + limit + " requests in progress; wait for one to finish.");
        problem.setType(URI.create(TYPE_PREFIX + "too-many-concurrent-requests"));
        problem.setTitle("Too many requests at once");
        return problem;
    }

    public static ProblemDetail unauthorized() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                "Send a valid key as 'Authorization: Bearer <key>'.");
        problem.setType(URI.create(TYPE_PREFIX + "unauthorized"));
        problem.setTitle("Not authenticated");
        return problem;
    }

    public static ProblemDetail forbidden(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setType(URI.create(TYPE_PREFIX + "forbidden"));
        problem.setTitle("Not allowed");
        return problem;
    }

    public static ProblemDetail rateLimited(String shop, long retryAfterSeconds) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Shop '" + shop + "' has used up its rate limit; retry in " + retryAfterSeconds + " s.");
        problem.setType(URI.create(TYPE_PREFIX + "rate-limited"));
        problem.setTitle("Too many requests");
        return problem;
    }

    static ProblemDetail notFound(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setType(URI.create(TYPE_PREFIX + "not-found"));
        problem.setTitle("Not found");
        return problem;
    }

    static ProblemDetail checkFailed(CheckFailedException failure) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(failure.status()), failure.getMessage());
        problem.setType(URI.create(TYPE_PREFIX + failure.reason().type()));
        problem.setTitle(failure.reason().title());
        problem.setProperty("draftId", failure.draftId());
        problem.setProperty("checkErrors", failure.errors());
        return problem;
    }

    static ProblemDetail pinRefused(int status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        problem.setType(URI.create(TYPE_PREFIX + (status == 429 ? "too-many-pinned-versions" : "version-not-ready")));
        problem.setTitle(status == 429 ? "Too many versions pinned" : "Version not ready");
        return problem;
    }

    static ProblemDetail storeUnavailable(StoreUnavailableException unavailable) {
        StoreUnavailableException.Reason reason = unavailable.reason();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(reason.status),
                unavailable.getMessage() + ".");
        problem.setType(URI.create(TYPE_PREFIX + reason.type));
        problem.setTitle(reason.title);
        return problem;
    }

    /** An error the servlet container raised itself, known by its status alone (/error, or before any filter). */
    /** A download of a policy file, as the raw path reads before any decoding: its last segment is the file name. */
    private static final java.util.regex.Pattern FILE_ROUTE =
            java.util.regex.Pattern.compile("/v1/policy/(?:versions|drafts)/[^/]+/files/(.+)");

    /**
     * The problem for a request refused for its path before any controller saw it (Tomcat's or Spring Security's
     * rules on encoded slashes, backslashes, dot segments and NUL): a 400 that names the path parameter where the
     * route has one ({@code fileName}), else the path.
     */
    static ProblemDetail refusedPath(String rawPath, HttpStatus status) {
        if (rawPath == null || !PATH_LIKE.matcher(rawPath).find()) {
            return containerError(status);
        }
        java.util.regex.Matcher file = FILE_ROUTE.matcher(rawPath == null ? "" : rawPath);
        FieldError error = file.matches()
                ? new FieldError("fileName", "'" + shown(file.group(1)) + "' is a path; a file name is a plain name such"
                        + " as Compensation.dmn or P1-proportional-compensation.feature, without /, \\, .. or control"
                        + " characters, encoded or not")
                : new FieldError("path", "the path has an encoded slash, a backslash, a dot segment or a control"
                        + " character, which no address of this API has");
        ProblemDetail problem = invalidRequest(List.of(error));
        problem.setDetail("Invalid field(s): " + error.getField() + ". " + error.getMessage() + ".");
        return problem;
    }

    /** What makes a path refused before the API sees it: encoded slashes, backslashes and dots, NUL, "..". */
    private static final java.util.regex.Pattern PATH_LIKE =
            java.util.regex.Pattern.compile("(?i)%2f|%5c|%2e|%00|\\\\|/\\.\\.?(?:/|$)|[\\x00-\\x1f]");

    /** At most 100 characters of what the client sent, control characters shown as '?'. */
    private static String shown(String raw) {
        String shown = raw.replaceAll("[\\x00-\\x1f\\x7f]", "?");
        return shown.length() > 100 ? shown.substring(0, 100) + "..." : shown;
    }

    static ProblemDetail containerError(HttpStatus status) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, switch (status) {
            case REQUEST_TIMEOUT -> "The request was not received in time.";
            case INTERNAL_SERVER_ERROR -> "The request could not be handled. Please retry later.";
            default -> status.getReasonPhrase() + ".";
        });
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    /**
     * Gives a problem without a type of its own (Spring MVC's 404, 405, 406 and 415, the container's errors, which
     * say {@code about:blank}) the type of its status, e.g. {@code .../problems/method-not-allowed}, and its title:
     * the API promises every problem a type a client can switch on, and every 400 its {@code errors}.
     */
    static void typed(ProblemDetail problem) {
        HttpStatus status = HttpStatus.resolve(problem.getStatus());
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem.setType(URI.create(TYPE_PREFIX + (status == null ? "status-" + problem.getStatus()
                    : status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))));
        }
        if (problem.getTitle() == null && status != null) {
            problem.setTitle(status.getReasonPhrase());
        }
        // A 400 always names what is wrong in errors[]; Spring's own 400s (a missing part, parameter or header)
        // say it only in the detail.
        if (problem.getStatus() == 400 && (problem.getProperties() == null || !problem.getProperties().containsKey("errors"))) {
            problem.setProperty("errors", List.of(new FieldError("$", problem.getDetail() == null
                    ? "the request is malformed" : problem.getDetail())));
        }
    }

    static ProblemDetail internalError() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The decision could not be made. The error has been logged; please retry later.");
        problem.setType(URI.create(TYPE_PREFIX + "internal-error"));
        problem.setTitle("Internal error");
        return problem;
    }
}
