package com.shopcare.complaints.guards;

import com.shopcare.complaints.decision.Decision.ExplanationLine;

import java.util.ArrayList;
import java.util.List;

/** Collects, in order, why the decision came out as it did: table rows first, then the guard rules that fired. */
public final class Explanation {

    private static final String ROW = ", row ";

    private final List<ExplanationLine> lines = new ArrayList<>();

    public void add(String source, String detail) {
        lines.add(new ExplanationLine(source, detail));
    }

    /** Records a table row that decided something; its note becomes an explanation line. */
    public void addRow(String table, int row, String note) {
        add(table + ROW + row, note);
    }

    /** The note of the last row of the given table that decided something, or null. */
    public String lastRowOf(String table) {
        String prefix = table + ROW;
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).source().startsWith(prefix)) {
                return lines.get(i).detail();
            }
        }
        return null;
    }

    /** Adds every line of another explanation, as if its rows had been recorded here. */
    public void appendAll(Explanation other) {
        lines.addAll(other.lines);
    }

    /** The lines so far, in order; an immutable copy. */
    public List<ExplanationLine> lines() {
        return List.copyOf(lines);
    }
}
