package com.shopcare.complaints.service.decision;

import com.shopcare.complaints.service.TestKeys;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every input the fuzzer kept (the seeds and each finding, once fixed) replayed over real HTTP on every build: a
 * decision or a client-error problem, never a server error or an internal detail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DecisionRequestCorpusTest {

    private static final String CORPUS = "DecisionRequestFuzzTestInputs/anyBytesGetADecisionOrAClientErrorProblem";

    @LocalServerPort
    int port;

    static Stream<Path> keptInputs() throws IOException, URISyntaxException {
        Path folder = Path.of(Objects.requireNonNull(DecisionRequestCorpusTest.class.getResource(CORPUS)).toURI());
        List<Path> inputs;
        try (Stream<Path> files = Files.list(folder)) {
            inputs = files.sorted().toList();
        }
        assertThat(inputs).as("the kept inputs").hasSizeGreaterThanOrEqualTo(10);
        return inputs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keptInputs")
    void keptInputGetsADecisionOrAClientErrorProblem(Path input) throws IOException {
        DecisionRequestBytes.getADecisionOrAClientErrorProblem(port, TestKeys.SHOP_FUZZ, Files.readAllBytes(input));
    }
}
