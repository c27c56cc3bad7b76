package com.shopcare.complaints.service.system;

import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Errors Tomcat answers before any servlet or filter sees the request (a path with an encoded slash, an invalid
 * URI, a request line it cannot parse) are problem details too, with a correlation id, instead of Tomcat's HTML
 * page. Errors inside the application go through Spring's {@code /error} ({@link ErrorProblems}); these never reach it.
 */
@Component
// After Spring Boot's own customizer, which adds Tomcat's error page valve: this one must be the host's last.
@Order(Ordered.LOWEST_PRECEDENCE)
class ContainerErrorsAsProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final JsonMapper jsonMapper;
    private final RejectedRequests rejected;

    ContainerErrorsAsProblems(JsonMapper jsonMapper, RejectedRequests rejected) {
        this.jsonMapper = jsonMapper;
        this.rejected = rejected;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            if (host instanceof StandardHost standard) {
                // Otherwise the host adds Tomcat's HTML one when it starts, after this one, where it would answer first.
                standard.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
            host.getPipeline().addValve(new ProblemReportValve(jsonMapper, rejected));
        });
    }

    static final class ProblemReportValve extends ErrorReportValve {

        private final JsonMapper jsonMapper;
        private final RejectedRequests rejected;

        ProblemReportValve(JsonMapper jsonMapper, RejectedRequests rejected) {
            this.jsonMapper = jsonMapper;
            this.rejected = rejected;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            // As Tomcat's own: only errors with nothing written yet, and only once per response.
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            // Tomcat refuses a request for its path (an encoded slash, NUL) with 400 before any servlet sees it.
            ProblemDetail problem = known == HttpStatus.BAD_REQUEST ? Problems.refusedPath(request.getRequestURI(), HttpStatus.BAD_REQUEST)
                    : Problems.containerError(known == null ? HttpStatus.BAD_REQUEST : known);
            String correlationId = response.getHeader(CorrelationIds.HEADER);
            if (correlationId == null) {
                correlationId = RandomIds.newId();
                response.setHeader(CorrelationIds.HEADER, correlationId);
            }
            problem.setProperty("correlationId", correlationId);
            try {
                // Only a path that is a valid URI: the request may have been refused for its path.
                problem.setInstance(URI.create(request.getDecodedRequestURI()));
            } catch (RuntimeException notAUri) {
                // left out
            }
            rejected.record(problem);
            try {
                byte[] body = jsonMapper.writeValueAsBytes(problem);
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // The client is gone, or the response cannot be written any more: nothing left to answer.
            }
        }
    }
}
