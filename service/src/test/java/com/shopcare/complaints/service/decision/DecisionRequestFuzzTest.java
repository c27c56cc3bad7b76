package com.shopcare.complaints.service.decision;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.shopcare.complaints.service.access.ApiKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Any bytes a shop backend may send as a decision request get either a decision or a client-error problem, never a
 * server error, and never anything internal. {@code ./mvnw verify} replays the inputs kept in
 * {@code src/test/resources/.../DecisionRequestFuzzTestInputs/} (regression mode); {@code service/fuzz.sh} fuzzes.
 * The bytes travel the real path: HTTP, the request filters, JSON binding, validation, the checks, the decision.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DecisionRequestFuzzTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern INTERNAL = Pattern.compile(
            "\\bat [\\w$.]+\\(|com\\.shopcare|org\\.springframework|tools\\.jackson|com\\.fasterxml|org\\.kie|"
                    + "org\\.drools|java\\.(lang|util|io)|jakarta\\.|[A-Z]\\w*(Exception|Error)\\b");
    private static ApiKeys.TemporaryKey key;

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    @FuzzTest(maxDuration = "10s")
    void anyBytesGetADecisionOrAClientErrorProblem(byte[] body) throws IOException {
        int status;
        String text;
        String contentType;
        // The test's own connection to the service is not a server-side request forgery; any other would be. It is
        // made on this thread (HttpURLConnection, not HttpClient), where Jazzer's allowance applies.
        try (SilentCloseable ownConnection = BugDetectors.allowNetworkConnections(
                (host, toPort) -> toPort == port && ("127.0.0.1".equals(host) || "localhost".equals(host)))) {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/v1/decisions")
                    .toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(30_000);
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setRequestProperty("Authorization", "Bearer " + key().key());
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            status = connection.getResponseCode();
            contentType = String.valueOf(connection.getContentType());
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }

        check(status == 200 || (status >= 400 && status < 500), "status " + status, text);
        check(!revealsInternals(text, new String(body, StandardCharsets.UTF_8)), "internal detail", text);
        if (status == 200) {
            JsonNode decision = JSON.readTree(text);
            check(!decision.path("decisionId").asString("").isEmpty(), "decision without decisionId", text);
            check(decision.path("dissatisfaction").has("level"), "decision without a level", text);
        } else {
            check(contentType.equals("application/problem+json"),
                    "client error that is not a problem detail", text);
        }
    }

    /** Not rate limited, so that fuzzing measures the request path and not the shop's allowance. */
    private synchronized ApiKeys.TemporaryKey key() {
        if (key == null) {
            key = apiKeys.temporaryKey("fuzzing");
        }
        return key;
    }

    /** An internal name in the answer, unless the caller sent it (an unknown field's name is echoed back). */
    private static boolean revealsInternals(String answer, String request) {
        return INTERNAL.matcher(answer).results().anyMatch(found -> !request.contains(found.group()));
    }

    private static void check(boolean holds, String what, String body) {
        if (!holds) {
            throw new AssertionError(what + ": " + body);
        }
    }
}
