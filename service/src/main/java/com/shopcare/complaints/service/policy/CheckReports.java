package com.shopcare.complaints.service.policy;

import com.shopcare.complaints.api.model.ChangedDecision;
import com.shopcare.complaints.api.model.CheckFinding;
import com.shopcare.complaints.api.model.CheckReport;
import com.shopcare.complaints.api.model.Impact;
import com.shopcare.complaints.api.model.ImpactCheck;
import com.shopcare.complaints.api.model.InvariantCheck;
import com.shopcare.complaints.api.model.InvariantViolation;
import com.shopcare.complaints.api.model.MoneyChange;
import com.shopcare.complaints.api.model.ScenarioCheck;
import com.shopcare.complaints.api.model.ScenarioFailure;
import com.shopcare.complaints.api.model.ScenarioMismatch;
import com.shopcare.complaints.check.DecisionImpact;
import com.shopcare.complaints.engine.PolicyFinding;
import com.shopcare.complaints.scenarios.ExampleResult;

import java.util.List;

/** Maps a check report to the API's model. */
final class CheckReports {

    private CheckReports() {
    }

    static CheckReport toApi(com.shopcare.complaints.check.CheckReport report) {
        CheckReport api = new CheckReport()
                .passed(report.passed())
                .errors(report.errors())
                .structure(findings(report.structure()))
                .analysis(findings(report.analysis()))
                .safety(findings(report.safety()))
                .notChecked(report.notChecked());
        if (report.invariants() != null) {
            api.invariants(new InvariantCheck()
                    .decisions(report.invariants().decisions())
                    .violations(report.invariants().violations().stream().map(v -> new InvariantViolation()
                            .invariant(v.invariant()).rule(v.rule()).finding(v.finding())
                            .complaint(v.complaint()).decision(v.decision())
                            .raisedComplaint(v.raised()).raisedDecision(v.raisedDecision())).toList()));
        }
        if (report.scenarios() != null) {
            api.scenarios(new ScenarioCheck()
                    .examples(report.scenarios().examples())
                    .failures(report.scenarios().failures().stream().map(CheckReports::failure).toList()));
        }
        if (report.sampleImpact() != null) {
            api.impact(new ImpactCheck()
                    .sample(impact(report.sampleImpact()))
                    .pastComplaints(report.pastImpact() == null ? null : impact(report.pastImpact())));
        }
        return api;
    }

    private static List<CheckFinding> findings(List<PolicyFinding> findings) {
        return findings.stream().map(finding -> new CheckFinding()
                .severity(CheckFinding.SeverityEnum.fromValue(finding.severity().name()))
                .file(finding.file())
                .element(finding.element())
                .line(finding.line())
                .kind(finding.kind())
                .message(finding.message())).toList();
    }

    private static ScenarioFailure failure(ExampleResult result) {
        return new ScenarioFailure()
                .policy(result.example().policyId())
                .file(result.example().file())
                .line(result.example().line())
                .scenario(result.example().scenario())
                .complaint(result.example().given())
                .problem(result.problem())
                .mismatches(result.mismatches().stream()
                        .map(m -> new ScenarioMismatch().term(m.term()).expected(m.expected()).actual(m.actual()))
                        .toList());
    }

    private static Impact impact(DecisionImpact.Result impact) {
        return new Impact()
                .complaints(impact.complaints())
                .changed(impact.changed())
                .changedByField(impact.byField())
                .money(impact.money().stream().map(money -> new MoneyChange()
                        .currency(money.currency())
                        .optionType(money.optionType())
                        .before(money.before().toPlainString())
                        .after(money.after().toPlainString())
                        .difference(money.difference().toPlainString())).toList())
                .examples(impact.examples().stream().map(change -> new ChangedDecision()
                        .complaint(change.complaint()).before(change.before()).after(change.after())).toList());
    }
}
