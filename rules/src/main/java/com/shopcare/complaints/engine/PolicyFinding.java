package com.shopcare.complaints.engine;

/**
 * One thing a check found in a set of policy files, located as precisely as the source allows.
 *
 * @param severity ERROR blocks a publish; WARNING is shown and does not
 * @param file     the DMN file, or null when the finding is about the policy as a whole
 * @param element  the DMN element (decision or row id, e.g. {@code _Dissatisfaction_decision_12}), or null
 * @param line     the line in the file, or null when the engine does not say
 * @param kind     what kind of finding, e.g. DECISION_TABLE_OVERLAP_HITPOLICY_UNIQUE or UNSAFE_CONSTRUCT
 * @param message  what a business reader needs to know, the rows named where the finding is about rows
 */
public record PolicyFinding(Severity severity, String file, String element, Integer line, String kind, String message) {

    public enum Severity { ERROR, WARNING }

    public static PolicyFinding error(String file, String kind, String message) {
        return new PolicyFinding(Severity.ERROR, file, null, null, kind, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        StringBuilder where = new StringBuilder();
        if (file != null) {
            where.append(file);
            if (line != null) {
                where.append(':').append(line);
            }
            if (element != null) {
                where.append(" (").append(element).append(')');
            }
            where.append(": ");
        }
        return severity + " " + where + message;
    }
}
