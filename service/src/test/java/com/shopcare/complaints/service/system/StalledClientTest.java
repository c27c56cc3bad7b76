package com.shopcare.complaints.service.system;

import com.shopcare.complaints.service.TestKeys;
import com.shopcare.complaints.service.decision.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A client that stops sending in the middle of its request does not hold a request thread for ever. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StalledClientTest {

    @LocalServerPort
    int port;

    /** The tests' configuration shortens it (production: 5 s), so that this test waits less. */
    @Value("${server.tomcat.connection-timeout}")
    Duration connectionTimeout;

    @Test
    void clientThatStopsSendingItsBodyIsAnsweredWithinTheTimeout() throws Exception {
        byte[] body = Requests.DOCUMENTED_EXAMPLE.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/decisions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TestKeys.SHOP_EU_1
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
            long started = System.nanoTime();

            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            // The socket's own 20 s timeout would throw instead.
            assertThat(waited).isBetween(connectionTimeout.minusMillis(500), connectionTimeout.plusSeconds(10));
            assertThat(answer).startsWith("HTTP/1.1 408").contains("application/problem+json", "\"status\":408");
        }
    }
}
