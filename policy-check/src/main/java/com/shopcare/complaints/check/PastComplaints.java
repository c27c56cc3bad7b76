package com.shopcare.complaints.check;

import com.shopcare.complaints.decision.Complaint;
import com.shopcare.complaints.scenarios.ScenarioTerms;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Past complaints as a CSV file (RFC 4180, as spreadsheets write it), to see what a draft changes for real traffic.
 * The header row names the columns with the scenario files' complaint terms
 * ({@code issue type,responsibility,channel,emotion,order value,currency,tier,...}); absent columns and empty cells
 * take the same defaults as in a scenario. A quoted cell may hold commas, doubled quotes and line breaks.
 */
public final class PastComplaints {

    /** A row or cell that cannot be read; the message names the line and the column. */
    public static final class InvalidCsvException extends RuntimeException {
        public InvalidCsvException(String message) {
            super(message);
        }
    }

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private PastComplaints() {
    }

    public static List<Complaint> parse(byte[] csv) {
        String text = new String(csv, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new InvalidCsvException("line 1: the header row is missing; it names the columns with the "
                        + "complaint terms of the scenario files: " + String.join(", ", ScenarioTerms.complaintTerms()));
            }
            List<String> header = terms(records.next());
            List<Complaint> complaints = new ArrayList<>();
            while (records.hasNext()) {
                CSVRecord row = records.next();
                complaints.add(complaint(header, row, lineOf(text, row)));
            }
            return complaints;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException e) {
            // The parser's own account of a malformed file (a quoted cell that is not closed), with its line.
            throw new InvalidCsvException("the file is not valid CSV (a quoted cell that is not closed?): "
                    + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
        }
    }

    private static List<String> terms(CSVRecord headerRow) {
        List<String> header = new ArrayList<>();
        for (int column = 0; column < headerRow.size(); column++) {
            String term = headerRow.get(column).trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            if (!ScenarioTerms.complaintTerms().contains(term)) {
                throw new InvalidCsvException("line 1, column " + (column + 1) + ": '" + headerRow.get(column)
                        + "' is not a complaint term; known terms: " + String.join(", ", ScenarioTerms.complaintTerms()));
            }
            header.add(term);
        }
        return header;
    }

    private static Complaint complaint(List<String> header, CSVRecord row, long line) {
        if (row.size() != header.size()) {
            throw new InvalidCsvException("line " + line + ": " + row.size() + " cells, the header has " + header.size());
        }
        Map<String, String> terms = new LinkedHashMap<>();
        for (int column = 0; column < row.size(); column++) {
            if (!row.get(column).isBlank()) {
                terms.put(header.get(column), row.get(column));
            }
        }
        try {
            return ScenarioTerms.complaint(terms);
        } catch (RuntimeException e) {
            throw new InvalidCsvException("line " + line + ": " + e.getMessage());
        }
    }

    /** The line a row starts on, counting from 1: a quoted cell may spread one row over several lines. */
    private static long lineOf(String text, CSVRecord row) {
        return 1 + text.substring(0, (int) row.getCharacterPosition()).chars().filter(c -> c == '\n').count();
    }
}
