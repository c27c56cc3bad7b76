package com.shopcare.complaints.service.system;

import com.shopcare.complaints.service.ServiceClient;
import com.shopcare.complaints.service.ServiceClient.Reply;
import com.shopcare.complaints.service.TestKeys;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Errors Tomcat answers before the application sees the request are problem details like every other error. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContainerErrorsTest {

    @LocalServerPort
    int port;

    @Test
    void pathWithAnEncodedSlashIsAProblemNamingTheFileNameWithACorrelationId() {
        Reply reply = new ServiceClient(port, TestKeys.ADMIN).get("/v1/policy/versions/x/files/..%2Fx");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("status").asInt()).isEqualTo(400);
        assertThat(reply.json().get("title").asString()).isEqualTo("Invalid request");
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("fileName");
        assertThat(reply.json().get("errors").get(0).get("message").asString()).contains("'..%2Fx' is a path");
        assertThat(reply.json().get("correlationId").asString()).isEqualTo(reply.header(CorrelationIds.HEADER)).isNotBlank();
    }
}
