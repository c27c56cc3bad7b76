package com.shopcare.complaints.service.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;

/** Writes a problem detail straight to the response, for filters that answer before Spring MVC is involved. */
@Component
public class ProblemWriter {

    private final JsonMapper jsonMapper;
    private final RejectedRequests rejected;

    ProblemWriter(JsonMapper jsonMapper, RejectedRequests rejected) {
        this.jsonMapper = jsonMapper;
        this.rejected = rejected;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        rejected.record(problem);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        jsonMapper.writeValue(response.getOutputStream(), problem);
    }
}
