package com.shopcare.complaints.service.decision;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.shopcare.complaints.service.access.ApiKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Fuzzes the decision request path with Jazzer: {@code service/fuzz.sh} only (this class is left out of
 * {@code ./mvnw verify}, which replays the inputs kept in {@code DecisionRequestFuzzTestInputs/} without the fuzzer's
 * agent, in {@link DecisionRequestCorpusTest}). A finding is written next to those inputs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DecisionRequestFuzzTest {

    private static ApiKeys.TemporaryKey key;

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    @FuzzTest(maxDuration = "10s")
    void anyBytesGetADecisionOrAClientErrorProblem(byte[] body) {
        // The test's own connection to the service is not a server-side request forgery; any other would be.
        try (SilentCloseable ownConnection = BugDetectors.allowNetworkConnections(
                (host, toPort) -> toPort == port && ("127.0.0.1".equals(host) || "localhost".equals(host)))) {
            DecisionRequestBytes.getADecisionOrAClientErrorProblem(port, key().key(), body);
        }
    }

    /** Not rate limited, so that fuzzing measures the request path and not the shop's allowance. */
    private synchronized ApiKeys.TemporaryKey key() {
        if (key == null) {
            key = apiKeys.temporaryKey("fuzzing");
        }
        return key;
    }
}
