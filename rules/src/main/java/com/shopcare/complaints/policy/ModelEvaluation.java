package com.shopcare.complaints.policy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.shopcare.complaints.guards.Explanation;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNDecisionResult;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNResult;
import org.kie.kogito.dmn.DmnDecisionModel;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates one DMN model of a policy. A model's outcome depends only on its own inputs, and a compiled policy
 * never changes, so outcomes are remembered by input values in a bounded cache: most complaints share their
 * discrete inputs (issue type, emotion, counts, tier), and a repeated evaluation costs a map lookup instead of
 * interpreting FEEL. Only successful evaluations are remembered; a size of 0 turns the cache off.
 */
final class ModelEvaluation {

    /**
     * What one evaluation decided, and the table rows that decided it. Never modified once built: the results are
     * {@link CompactResults}, immutable all the way down.
     */
    record Outcome(Map<String, Object> results, Explanation rows) {
        Object result(String decision) {
            return results.get(decision);
        }
    }

    private final PolicyModel which;
    private final DmnDecisionModel model;
    private final ModelInputs.Input[] inputs;
    private final Cache<InputValues, Outcome> cache;

    /** @param inputNames the inputs the model declares, each one the engine supplies ({@link ModelInputs.Input}) */
    ModelEvaluation(PolicyModel which, DmnDecisionModel model, List<String> inputNames, long cacheSize) {
        this.which = which;
        this.model = model;
        this.inputs = inputNames.stream().map(ModelInputs.Input::named).toArray(ModelInputs.Input[]::new);
        this.cache = cacheSize > 0 ? Caffeine.newBuilder().maximumSize(cacheSize).build() : null;
    }

    /** Evaluates the model on the inputs it declares and adds the rows that decided to the explanation. */
    Outcome evaluate(ModelInputs given, Explanation explanation) {
        Outcome outcome;
        if (cache == null) {
            outcome = evaluateNow(given);
        } else {
            Object[] values = new Object[inputs.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = given.get(inputs[i]);
            }
            outcome = cache.get(new InputValues(values), key -> evaluateNow(given));
        }
        explanation.appendAll(outcome.rows());
        return outcome;
    }

    /**
     * A model's input values in the order of its input names, as the cache's key: hashed once, where a list is
     * hashed again on every lookup. Values may be null (an absent delivery date, no incident).
     */
    private static final class InputValues {

        private final Object[] values;
        private final int hash;

        InputValues(Object[] values) {
            this.values = values;
            this.hash = Arrays.hashCode(values);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof InputValues that && hash == that.hash && Arrays.equals(values, that.values);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    DmnDecisionModel model() {
        return model;
    }

    private Outcome evaluateNow(ModelInputs given) {
        Explanation rows = new Explanation();
        DMNContext context = model.newContext(given.byName(inputs));
        context.getMetadata().set(RowTrail.METADATA_KEY, rows);
        DMNResult result = model.evaluateAll(context);
        if (result.hasErrors()) {
            throw new PolicyEvaluationException(which.fileName() + ": " + result.getMessages(DMNMessage.Severity.ERROR)
                    .stream().map(DMNMessage::getText).toList());
        }
        // Kept in insertion order: a decision whose result is null is still present, as the engine reported it.
        Map<String, Object> results = new LinkedHashMap<>();
        for (DMNDecisionResult decision : result.getDecisionResults()) {
            results.put(decision.getDecisionName(), decision.getResult());
        }
        return new Outcome(CompactResults.ContextValues.of(results), rows);
    }
}
