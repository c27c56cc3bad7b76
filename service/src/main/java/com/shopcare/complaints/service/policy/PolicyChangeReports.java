package com.shopcare.complaints.service.policy;

import com.shopcare.complaints.api.model.CellChange;
import com.shopcare.complaints.api.model.ExampleChange;
import com.shopcare.complaints.api.model.PolicyChanges;
import com.shopcare.complaints.api.model.RowChange;
import com.shopcare.complaints.api.model.ScenarioChange;
import com.shopcare.complaints.api.model.TableChange;
import com.shopcare.complaints.engine.PolicyFiles;

import java.util.List;

/** Maps the changes between two sets of policy files to the API's model. */
final class PolicyChangeReports {

    private PolicyChangeReports() {
    }

    static PolicyChanges between(String from, PolicyFiles before, String to, PolicyFiles after) {
        com.shopcare.complaints.check.PolicyChanges changes = com.shopcare.complaints.check.PolicyChanges.between(
                before.files(), before.scenarios(), after.files(), after.scenarios());
        return new PolicyChanges(from, to,
                changes.tables().stream().map(table -> new TableChange(table.file(), table.tableNotes(),
                        table.rows().stream().map(row -> new RowChange(RowChange.KindEnum.fromValue(row.kind().name()),
                                        cells(row.cells()))
                                .ruleId(row.ruleId())
                                .rowBefore(row.positionBefore())
                                .rowAfter(row.positionAfter())
                                .annotationBefore(row.annotationBefore())
                                .annotationAfter(row.annotationAfter()))
                                .toList())
                        .table(table.table())).toList(),
                changes.scenarios().stream().map(file -> new ScenarioChange(file.file(), file.notes(),
                        file.examples().stream().map(example -> new ExampleChange(
                                        ExampleChange.KindEnum.fromValue(example.kind().name()), example.scenario(),
                                        cells(example.terms()))
                                .lineBefore(example.lineBefore())
                                .lineAfter(example.lineAfter()))
                                .toList())).toList());
    }

    private static List<CellChange> cells(List<com.shopcare.complaints.check.PolicyChanges.Cell> cells) {
        return cells.stream().map(cell -> new CellChange(cell.column()).before(cell.before()).after(cell.after())).toList();
    }
}
