package com.shopcare.complaints.policy;

import java.util.HashMap;
import java.util.Map;

/**
 * The values one decision feeds its models: the complaint's, and what earlier models decided. Held in an array
 * indexed by {@link Input} rather than a map by name: a decision sets about twenty of them and each model reads a
 * few, and on a busy server core an array touches far fewer memory lines than a hash map's entries
 * (docs/BENCHMARKS.md).
 */
final class ModelInputs {

    /** Every input the engine can supply to a model, under its name in the tables ({@link Vocabulary}). */
    enum Input {
        ISSUE_TYPE(Vocabulary.ISSUE_TYPE),
        RESPONSIBILITY(Vocabulary.RESPONSIBILITY),
        EMOTION(Vocabulary.EMOTION),
        CONTACT_COUNT(Vocabulary.CONTACT_COUNT),
        DELAY_DAYS(Vocabulary.DELAY_DAYS),
        IS_PUBLIC(Vocabulary.IS_PUBLIC),
        LEGAL_THREAT(Vocabulary.LEGAL_THREAT),
        DAYS_SINCE_DELIVERY(Vocabulary.DAYS_SINCE_DELIVERY),
        AFFECTED_VALUE(Vocabulary.AFFECTED_VALUE),
        SHIPPING_COST(Vocabulary.SHIPPING_COST),
        TIER(Vocabulary.TIER),
        COMPENSATIONS_LAST_90_DAYS(Vocabulary.COMPENSATIONS_LAST_90_DAYS),
        PUBLIC_REACH(Vocabulary.PUBLIC_REACH),
        INCIDENT_LEVEL(Vocabulary.INCIDENT_LEVEL),
        INCIDENT_DECLARED(Vocabulary.INCIDENT_DECLARED),
        CUSTOMER_LEVEL(Vocabulary.CUSTOMER_LEVEL),
        OUTSIDE_RETURN_WINDOW(Vocabulary.OUTSIDE_RETURN_WINDOW),
        GOODWILL_LEVEL(Vocabulary.GOODWILL_LEVEL),
        ESCALATION_PATH(Vocabulary.ESCALATION_PATH),
        OPTION_COUNT(Vocabulary.OPTION_COUNT);

        private static final Map<String, Input> BY_NAME = new HashMap<>();

        static {
            for (Input input : values()) {
                BY_NAME.put(input.tableName, input);
            }
        }

        private final String tableName;

        Input(String tableName) {
            this.tableName = tableName;
        }

        /** The input's name in the tables. */
        String tableName() {
            return tableName;
        }

        /** The input a table names, or an exception for a name the engine does not supply. */
        static Input named(String tableName) {
            Input input = BY_NAME.get(tableName);
            if (input == null) {
                throw new IllegalArgumentException("not an input the engine supplies: '" + tableName + "'");
            }
            return input;
        }
    }

    private static final Input[] INPUTS = Input.values();

    private final Object[] values = new Object[INPUTS.length];
    private final boolean[] set = new boolean[INPUTS.length];

    void set(Input input, Object value) {
        values[input.ordinal()] = value;
        set[input.ordinal()] = true;
    }

    /** The value given for the input, or null: either given as null (no incident) or not given yet. */
    Object get(Input input) {
        return values[input.ordinal()];
    }

    /** The given inputs by their names in the tables, absent (null) values included, as a DMN context takes them. */
    Map<String, Object> byName(Input[] which) {
        Map<String, Object> named = new HashMap<>();
        for (Input input : which) {
            if (set[input.ordinal()]) {
                named.put(input.tableName, values[input.ordinal()]);
            }
        }
        return named;
    }

    /** A copy, for replaying the models on the same values. */
    ModelInputs copy() {
        ModelInputs copy = new ModelInputs();
        System.arraycopy(values, 0, copy.values, 0, values.length);
        System.arraycopy(set, 0, copy.set, 0, set.length);
        return copy;
    }

    @Override
    public String toString() {
        return byName(INPUTS).toString();
    }
}
