package com.shopcare.complaints.policy;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A remembered outcome in compact form must read exactly like the engine's maps it was made from. */
class CompactResultsTest {

    @Test
    void anOptionReadsTheSameFieldsIncludingAnAbsentPercentage() {
        Map<String, Object> option = new HashMap<>();
        option.put("type", "REPLACEMENT");
        option.put("percent", null);
        option.put("base", "AFFECTED_VALUE");

        Map<?, ?> compact = (Map<?, ?>) CompactResults.compact(option);

        assertThat(compact).isEqualTo(option);
        assertThat(compact.get("type")).isEqualTo("REPLACEMENT");
        assertThat(compact.containsKey("percent")).isTrue();
        assertThat(compact.get("percent")).isNull();
        assertThat(compact.get("description")).isNull();
        assertThat(compact.containsKey("description")).isFalse();
    }

    @Test
    void optionsInsideAListOfDecisionsAreCompactAndCannotBeChanged() {
        Map<String, Object> voucher = new LinkedHashMap<>();
        voucher.put("type", "VOUCHER");
        voucher.put("percent", new BigDecimal("20"));
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("Goodwill Level", "HIGH");
        results.put("Compensation Options", List.of(voucher));

        @SuppressWarnings("unchecked")
        Map<String, Object> compact = (Map<String, Object>) CompactResults.compact(results);

        assertThat(compact).isEqualTo(results);
        assertThat(compact.keySet()).containsExactly("Goodwill Level", "Compensation Options");
        List<?> options = (List<?>) compact.get("Compensation Options");
        assertThat(options.get(0)).isInstanceOf(CompactResults.ContextValues.class);
        assertThatThrownBy(() -> options.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> compact.put("Goodwill Level", "LOW"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
