package com.shopcare.complaints.service.decision;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * What any bytes sent as a decision request must get: a decision or a client-error problem, never a server error,
 * and never anything internal. One statement of it, for the replayed corpus (DecisionRequestCorpusTest) and the
 * fuzzer (DecisionRequestFuzzTest). The bytes travel the real path: HTTP, the request filters, JSON binding,
 * validation, the checks, the decision.
 */
final class DecisionRequestBytes {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern INTERNAL = Pattern.compile(
            "\\bat [\\w$.]+\\(|com\\.shopcare|org\\.springframework|tools\\.jackson|com\\.fasterxml|org\\.kie|"
                    + "org\\.drools|java\\.(lang|util|io)|jakarta\\.|[A-Z]\\w*(Exception|Error)\\b");

    private DecisionRequestBytes() {
    }

    /** Sends the bytes with the shop key and throws an {@link AssertionError} naming what the answer got wrong. */
    static void getADecisionOrAClientErrorProblem(int port, String key, byte[] body) {
        int status;
        String text;
        String contentType;
        try {
            // HttpURLConnection, not HttpClient: the connection is made on this thread, where the fuzzer's allowance
            // for it applies.
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/v1/decisions")
                    .toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(30_000);
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setRequestProperty("Authorization", "Bearer " + key);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            status = connection.getResponseCode();
            contentType = String.valueOf(connection.getContentType());
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        check(status == 200 || (status >= 400 && status < 500), "status " + status, text);
        check(!revealsInternals(text, new String(body, StandardCharsets.UTF_8)), "internal detail", text);
        if (status == 200) {
            JsonNode decision = JSON.readTree(text);
            check(!decision.path("decisionId").asString("").isEmpty(), "decision without decisionId", text);
            check(decision.path("dissatisfaction").has("level"), "decision without a level", text);
        } else {
            check(contentType.equals("application/problem+json"), "client error that is not a problem detail", text);
        }
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
