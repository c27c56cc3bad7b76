package com.shopcare.complaints.policy;

import com.shopcare.complaints.policy.ModelInputs.Input;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a model is given: the inputs set so far, by their names in the tables, absent values included. */
class ModelInputsTest {

    @Test
    void aModelIsGivenOnlyTheInputsSetSoFarUnderTheTablesNames() {
        ModelInputs inputs = new ModelInputs();
        inputs.set(Input.ISSUE_TYPE, "LATE_DELIVERY");
        inputs.set(Input.INCIDENT_LEVEL, null);

        assertThat(inputs.byName(new Input[] {Input.ISSUE_TYPE, Input.INCIDENT_LEVEL, Input.CUSTOMER_LEVEL}))
                .containsOnlyKeys(Vocabulary.ISSUE_TYPE, Vocabulary.INCIDENT_LEVEL)
                .containsEntry(Vocabulary.ISSUE_TYPE, "LATE_DELIVERY")
                .containsEntry(Vocabulary.INCIDENT_LEVEL, null);
    }

    @Test
    void aCopyKeepsItsValuesWhenTheDecisionGoesOn() {
        ModelInputs inputs = new ModelInputs();
        inputs.set(Input.ESCALATION_PATH, "FRONTLINE_AGENT");
        ModelInputs copy = inputs.copy();

        inputs.set(Input.ESCALATION_PATH, "SENIOR_AGENT");

        assertThat(copy.get(Input.ESCALATION_PATH)).isEqualTo("FRONTLINE_AGENT");
    }

    @Test
    void everyInputAModelMayDeclareIsOneTheEngineSupplies() {
        for (PolicyModel model : PolicyModel.values()) {
            for (String name : model.suppliedInputs()) {
                assertThat(Input.named(name).tableName()).isEqualTo(name);
            }
        }
        assertThatThrownBy(() -> Input.named("Shoe Size")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Shoe Size");
    }
}
