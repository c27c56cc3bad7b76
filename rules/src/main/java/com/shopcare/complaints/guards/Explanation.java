package com.shopcare.complaints.guards;

import com.shopcare.complaints.decision.Decision.ExplanationLine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Collects, in order, why the decision came out as it did: table rows first, then the guard rules that fired. */
public final class Explanation {

    private final List<ExplanationLine> lines = new ArrayList<>();
    private final Map<String, String> lastRowByTable = new HashMap<>();

    public void add(String source, String detail) {
        lines.add(new ExplanationLine(source, detail));
    }

    /** Records a table row that decided something; its note becomes an explanation line. */
    public void addRow(String table, int row, String note) {
        add(table + ", row " + row, note);
        lastRowByTable.put(table, note);
    }

    /** The note of the last row of the given table that decided something, or null. */
    public String lastRowOf(String table) {
        return lastRowByTable.get(table);
    }

    /** Adds every line of another explanation, as if its rows had been recorded here. */
    public void appendAll(Explanation other) {
        lines.addAll(other.lines);
        lastRowByTable.putAll(other.lastRowByTable);
    }

    public List<ExplanationLine> lines() {
        return lines;
    }
}
