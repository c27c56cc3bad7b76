package com.shopcare.complaints.engine;

/**
 * One table or rule of a policy, as listed to operators.
 *
 * @param hitPolicy null for rules
 * @param rows      null for rules
 */
public record PolicyTable(String name, String source, Kind kind, String hitPolicy, Integer rows) {

    public enum Kind { DECISION_TABLE, RULE }
}
