package com.shopcare.complaints.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.shopcare.complaints.guards.Explanation;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNDecisionResult;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNResult;
import org.kie.kogito.dmn.DmnDecisionModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates one DMN model of a policy. A model's outcome depends only on its own inputs, and a compiled policy
 * never changes, so outcomes are remembered by input values in a bounded cache: most complaints share their
 * discrete inputs (issue type, emotion, counts, tier), and a repeated evaluation costs a map lookup instead of
 * interpreting FEEL (ADR 0004). Only successful evaluations are remembered; a size of 0 turns the cache off.
 */
final class ModelEvaluation {

    /** What one evaluation decided, and the table rows that decided it; immutable, since it is shared by decisions. */
    record Outcome(Map<String, Object> results, Explanation rows) {
        Object result(String decision) {
            return results.get(decision);
        }
    }

    private final PolicyModel which;
    private final DmnDecisionModel model;
    private final List<String> inputs;
    private final Cache<List<Object>, Outcome> cache;

    /** @param inputNames the inputs the model declares, each one the engine supplies ({@link PolicyModel#suppliedInputs}) */
    ModelEvaluation(PolicyModel which, DmnDecisionModel model, List<String> inputNames, long cacheSize) {
        this.which = which;
        this.model = model;
        this.inputs = List.copyOf(inputNames);
        this.cache = cacheSize > 0 ? Caffeine.newBuilder().maximumSize(cacheSize).build() : null;
    }

    /**
     * Evaluates the model on the inputs it declares and adds the rows that decided to the explanation.
     *
     * @param given the decision's inputs by their names in the tables; a name present with a null value is an absent
     *              value (no incident), which the tables see as null
     */
    Outcome evaluate(Map<String, Object> given, Explanation explanation) {
        Outcome outcome;
        if (cache == null) {
            outcome = evaluateNow(given);
        } else {
            // The model's input values in the order of its input names; Arrays.asList allows the null values an
            // absent delivery date or incident gives.
            Object[] values = new Object[inputs.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = given.get(inputs.get(i));
            }
            outcome = cache.get(Arrays.asList(values), key -> evaluateNow(given));
        }
        explanation.appendAll(outcome.rows());
        return outcome;
    }

    DmnDecisionModel model() {
        return model;
    }

    private Outcome evaluateNow(Map<String, Object> given) {
        // Only the inputs the model declares, each as given (present with a null value when absent).
        Map<String, Object> own = new HashMap<>();
        for (String input : inputs) {
            if (given.containsKey(input)) {
                own.put(input, given.get(input));
            }
        }
        Explanation rows = new Explanation();
        DMNContext context = model.newContext(own);
        context.getMetadata().set(RowTrail.METADATA_KEY, rows);
        DMNResult result = model.evaluateAll(context);
        if (result.hasErrors()) {
            throw new PolicyEvaluationException(which.fileName() + ": " + result.getMessages(DMNMessage.Severity.ERROR)
                    .stream().map(DMNMessage::getText).toList());
        }
        // Kept in the engine's order: a decision whose result is null is still present, as the engine reported it.
        Map<String, Object> results = new LinkedHashMap<>();
        for (DMNDecisionResult decision : result.getDecisionResults()) {
            results.put(decision.getDecisionName(), decision.getResult());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> frozen = (Map<String, Object>) immutable(results);
        return new Outcome(frozen, rows);
    }

    /** The value with every map and list in it replaced by an unmodifiable copy; null values kept. */
    static Object immutable(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), immutable(item)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof Collection<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(immutable(item)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}
