package com.shopcare.complaints.guards;

import com.shopcare.complaints.decision.Decision.ExplanationLine;

import java.util.Arrays;
import java.util.List;

/** Collects, in order, why the decision came out as it did: table rows first, then the guard rules that fired. */
public final class Explanation {

    private static final String ROW = ", row ";

    // An array, not a list: appending a model's remembered rows is then one array copy, with no intermediate copy
    // of the rows. Sized for a whole decision (a line per deciding table row and per guard that fired), so it seldom
    // grows.
    private ExplanationLine[] lines = new ExplanationLine[32];
    private int size;

    public void add(String source, String detail) {
        ensureRoomFor(1);
        lines[size++] = new ExplanationLine(source, detail);
    }

    /** Records a table row that decided something; its note becomes an explanation line. */
    public void addRow(String table, int row, String note) {
        add(table + ROW + row, note);
    }

    /** The note of the last row of the given table that decided something, or null. */
    public String lastRowOf(String table) {
        // Read once per decision, so a scan of the lines costs less than keeping an index on every append.
        String prefix = table + ROW;
        for (int i = size - 1; i >= 0; i--) {
            if (lines[i].source().startsWith(prefix)) {
                return lines[i].detail();
            }
        }
        return null;
    }

    /** Adds every line of another explanation, as if its rows had been recorded here. */
    public void appendAll(Explanation other) {
        ensureRoomFor(other.size);
        System.arraycopy(other.lines, 0, lines, size, other.size);
        size += other.size;
    }

    /** The lines so far, in order; an immutable copy. */
    public List<ExplanationLine> lines() {
        return List.of(Arrays.copyOf(lines, size));
    }

    private void ensureRoomFor(int more) {
        if (size + more > lines.length) {
            lines = Arrays.copyOf(lines, Math.max(size + more, 2 * lines.length));
        }
    }
}
