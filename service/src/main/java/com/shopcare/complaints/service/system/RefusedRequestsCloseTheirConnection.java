package com.shopcare.complaints.service.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * A request answered with an error (401 without a key, 413, 429, ...) ends its connection at once, its body unread.
 * Tomcat would otherwise read the rest of the body after the answer, to keep the connection for the next request,
 * and hold a request thread for as long as the client takes to send it: a client trickling a body it will never
 * finish, or one that sends no body at all, would hold a thread long after its answer (issue 21, finding 1).
 * Successful requests keep their connection.
 * <p>
 * Two parts: every error status carries {@code Connection: close}, set with the status (before the answer is
 * written), so that the client does not reuse the connection; and once the answer is complete, Tomcat's own action
 * for an aborted upload drops the rest of the body.
 */
@Configuration(proxyBeanMethods = false)
class RefusedRequestsCloseTheirConnection {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> errorsDropTheUnreadBody() {
        // An engine valve: it acts after the host's error pages. Taken inside the context, the action would make the
        // host render an error page after the answer, in the same response.
        return factory -> factory.addEngineValves(new ValveBase(true) {
            @Override
            public void invoke(Request request, Response response) throws IOException, ServletException {
                getNext().invoke(request, response);
                if (response.getStatus() >= 400) {
                    request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
                }
            }
        });
    }

    @Bean
    ErrorsCloseTheConnection errorsCloseTheConnection() {
        return new ErrorsCloseTheConnection();
    }

    // Right after the correlation id, before every filter that can answer an error.
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    static final class ErrorsCloseTheConnection extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(request, new HttpServletResponseWrapper(response) {
                @Override
                public void setStatus(int status) {
                    closeOnError(status);
                    super.setStatus(status);
                }

                @Override
                public void sendError(int status) throws IOException {
                    closeOnError(status);
                    super.sendError(status);
                }

                @Override
                public void sendError(int status, String message) throws IOException {
                    closeOnError(status);
                    super.sendError(status, message);
                }

                private void closeOnError(int status) {
                    if (status >= 400 && !isCommitted()) {
                        setHeader("Connection", "close");
                    }
                }
            });
        }
    }
}
