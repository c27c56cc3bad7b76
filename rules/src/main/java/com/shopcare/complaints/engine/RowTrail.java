package com.shopcare.complaints.engine;

import com.shopcare.complaints.guards.Explanation;
import org.kie.dmn.api.core.event.AfterEvaluateDecisionTableEvent;
import org.kie.dmn.api.core.event.DMNRuntimeEventListener;

import java.util.List;
import java.util.Map;

/**
 * Turns every table row that decided something into an explanation line, using the row's annotation.
 * One listener serves all threads: each evaluation carries its own {@link Explanation} in the context metadata,
 * which the engine copies into the result it hands to listeners.
 */
final class RowTrail implements DMNRuntimeEventListener {

    static final String METADATA_KEY = "explanation";

    private final Map<String, List<String>> rowNotesByTable;

    RowTrail(Map<String, List<String>> rowNotesByTable) {
        this.rowNotesByTable = rowNotesByTable;
    }

    @Override
    public void afterEvaluateDecisionTable(AfterEvaluateDecisionTableEvent event) {
        Object target = event.getResult().getContext().getMetadata().get(METADATA_KEY);
        if (!(target instanceof Explanation explanation)) {
            return;
        }
        List<String> notes = rowNotesByTable.get(event.getDecisionTableName());
        if (notes == null) {
            return;
        }
        for (Integer row : event.getSelected()) {
            explanation.addRow(event.getDecisionTableName(), row, notes.get(row - 1));
        }
    }
}
