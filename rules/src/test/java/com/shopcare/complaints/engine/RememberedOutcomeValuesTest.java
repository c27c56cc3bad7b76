package com.shopcare.complaints.engine;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A remembered outcome is shared by every later decision with the same inputs, so nothing may change it. */
class RememberedOutcomeValuesTest {

    @Test
    void nestedContextsAndListsBecomeUnmodifiableCopiesThatKeepNullValues() {
        Map<String, Object> option = new HashMap<>();
        option.put("Type", "VOUCHER");
        option.put("Percent", null);
        List<Object> options = new ArrayList<>(List.of(option));
        Map<String, Object> results = new HashMap<>(Map.of("Compensation Options", options, "Score", BigDecimal.TEN));

        @SuppressWarnings("unchecked")
        Map<String, Object> frozen = (Map<String, Object>) ModelEvaluation.immutable(results);
        option.put("Type", "CHANGED AFTERWARDS");

        List<?> frozenOptions = (List<?>) frozen.get("Compensation Options");
        Map<?, ?> frozenOption = (Map<?, ?>) frozenOptions.get(0);
        assertThat(frozenOption.get("Type")).isEqualTo("VOUCHER");
        assertThat(frozenOption.containsKey("Percent")).isTrue();
        assertThat(frozenOption.get("Percent")).isNull();
        assertThat(frozen.get("Score")).isEqualTo(BigDecimal.TEN);
        assertThatThrownBy(() -> frozen.put("Score", BigDecimal.ONE)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> frozenOptions.clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((Map<Object, Object>) frozenOption).put("Type", "X"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
