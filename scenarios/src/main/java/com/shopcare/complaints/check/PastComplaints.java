package com.shopcare.complaints.check;

import com.shopcare.complaints.decision.Complaint;
import com.shopcare.complaints.scenarios.ScenarioTerms;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Past complaints as a CSV file, to see what a draft changes for real traffic. The header row names the columns with
 * the scenario files' complaint terms ({@code issue type,responsibility,channel,emotion,order value,currency,tier,...});
 * absent columns and empty cells take the same defaults as in a scenario. Values with commas are quoted.
 */
public final class PastComplaints {

    /** A row or cell that cannot be read; the message names the line and the column. */
    public static final class InvalidCsvException extends RuntimeException {
        public InvalidCsvException(String message) {
            super(message);
        }
    }

    private PastComplaints() {
    }

    public static List<Complaint> parse(byte[] csv) {
        String text = new String(csv, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r?\n", -1);
        if (lines.length == 0 || lines[0].isBlank()) {
            throw new InvalidCsvException("line 1: the header row is missing; it names the columns with the complaint "
                    + "terms of the scenario files: " + String.join(", ", ScenarioTerms.complaintTerms()));
        }
        List<String> header = cells(lines[0], 1);
        for (int column = 0; column < header.size(); column++) {
            String term = header.get(column).trim().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
            if (!ScenarioTerms.complaintTerms().contains(term)) {
                throw new InvalidCsvException("line 1, column " + (column + 1) + ": '" + header.get(column)
                        + "' is not a complaint term; known terms: " + String.join(", ", ScenarioTerms.complaintTerms()));
            }
            header.set(column, term);
        }
        List<Complaint> complaints = new ArrayList<>();
        for (int index = 1; index < lines.length; index++) {
            if (lines[index].isBlank()) {
                continue;
            }
            int lineNumber = index + 1;
            List<String> cells = cells(lines[index], lineNumber);
            if (cells.size() != header.size()) {
                throw new InvalidCsvException("line " + lineNumber + ": " + cells.size() + " cells, the header has "
                        + header.size());
            }
            Map<String, String> terms = new LinkedHashMap<>();
            for (int column = 0; column < cells.size(); column++) {
                if (!cells.get(column).isBlank()) {
                    terms.put(header.get(column), cells.get(column));
                }
            }
            try {
                complaints.add(ScenarioTerms.complaint(terms));
            } catch (RuntimeException e) {
                throw new InvalidCsvException("line " + lineNumber + ": " + e.getMessage());
            }
        }
        return complaints;
    }

    /** One CSV row: cells separated by commas, a quoted cell may hold commas and doubled quotes. */
    private static List<String> cells(String line, int lineNumber) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new InvalidCsvException("line " + lineNumber + ": a quoted cell is not closed");
        }
        cells.add(cell.toString());
        return cells;
    }
}
