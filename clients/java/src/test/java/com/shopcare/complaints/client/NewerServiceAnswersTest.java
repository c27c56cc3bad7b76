package com.shopcare.complaints.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopcare.complaints.client.model.Action;
import com.shopcare.complaints.client.model.DecisionResponse;
import com.shopcare.complaints.client.model.EscalationPath;
import com.shopcare.complaints.client.model.Level;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A newer service may send values and fields this client does not know yet; the decision is still read. */
class NewerServiceAnswersTest {

    /**
     * A decision as a later release might send it: a new action, a new escalation path, new fields. One file for the
     * Java and the TypeScript client.
     */
    private static final Path NEWER_DECISION = Path.of("../decision-from-a-newer-release.json");


    /** The JSON class's mapper, and the one an ApiClient decodes responses with (the two are built separately). */
    static Stream<Arguments> mappers() {
        return Stream.of(
                Arguments.of("JSON", new JSON().getMapper()),
                Arguments.of("ApiClient", new ApiClient().getObjectMapper()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mappers")
    void decisionWithUnknownEnumValuesAndUnknownFieldsIsStillRead(String name, ObjectMapper mapper) throws Exception {
        DecisionResponse decision = mapper.readValue(NEWER_DECISION.toFile(), DecisionResponse.class);

        assertThat(decision.getActions())
                .containsExactly(Action.APOLOGIZE, Action.UNKNOWN_DEFAULT_OPEN_API, Action.THANK_CUSTOMER);
        assertThat(decision.getEscalation().getPath()).isEqualTo(EscalationPath.UNKNOWN_DEFAULT_OPEN_API);
        assertThat(decision.getDissatisfaction().getLevel()).isEqualTo(Level.HIGH);
        assertThat(decision.getDissatisfaction().getScore()).isEqualTo(60);
    }
}
