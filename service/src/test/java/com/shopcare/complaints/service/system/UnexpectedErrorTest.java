package com.shopcare.complaints.service.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** An error the service did not foresee: logged once, with the id the caller gets, and nothing internal answered. */
class UnexpectedErrorTest {

    @Test
    void unexpectedErrorIsLoggedOnceWithTheCorrelationIdTheCallerGets() {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        ProblemAdvice advice = new ProblemAdvice(new RequestSchemas(new PatternMessages()), new RejectedRequests(metrics),
                new PatternMessages());
        Logger logger = (Logger) LoggerFactory.getLogger(ProblemAdvice.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        MDC.put(CorrelationIds.MDC_KEY, "corr-123");
        ResponseEntity<Object> response;
        try {
            response = advice.unexpected(new IllegalStateException("secret internal detail"));
        } finally {
            MDC.remove(CorrelationIds.MDC_KEY);
            logger.detachAppender(log);
        }

        ProblemDetail problem = (ProblemDetail) response.getBody();
        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(problem.getProperties()).containsEntry("correlationId", "corr-123");
        assertThat(problem.getDetail()).doesNotContain("secret", "IllegalStateException");
        assertThat(log.list).hasSize(1);
        assertThat(log.list.get(0).getLevel()).isEqualTo(Level.ERROR);
        assertThat(log.list.get(0).getFormattedMessage()).contains("correlationId=corr-123");
        assertThat(log.list.get(0).getThrowableProxy().getMessage()).isEqualTo("secret internal detail");
        assertThat(metrics.get("requests.rejected").tag("reason", "internal-error").counter().count()).isEqualTo(1);
    }
}
