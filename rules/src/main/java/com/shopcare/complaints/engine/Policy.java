package com.shopcare.complaints.engine;

import com.shopcare.complaints.decision.Complaint;
import com.shopcare.complaints.decision.Decision;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

import java.util.List;
import java.util.Map;

/**
 * A compiled policy version: the DMN models, the DRL guards and a version derived from the files' content.
 * Immutable and safe to share between request threads; build it once with {@link PolicyCompiler}.
 */
public final class Policy {

    private final String version;
    private final Map<PolicyModel, ModelEvaluation> models;
    private final KieSessionsPool guards;
    private final List<PolicyTable> tables;
    private final Map<String, List<String>> enumerations;

    Policy(String version, Map<PolicyModel, ModelEvaluation> models, KieSessionsPool guards, List<PolicyTable> tables,
           Map<String, List<String>> enumerations) {
        this.version = version;
        this.models = Map.copyOf(models);
        this.guards = guards;
        this.tables = List.copyOf(tables);
        this.enumerations = Map.copyOf(enumerations);
    }

    /** Derived from the DMN files and the DRL guards: the same content always has the same version. */
    public String version() {
        return version;
    }

    /** The decision tables and guard rules this policy consists of. */
    public List<PolicyTable> tables() {
        return tables;
    }

    /**
     * The allowed values of each enumerated input (by its name in {@link Vocabulary}), as the tables declare them:
     * ordered values from least to most.
     */
    public Map<String, List<String>> enumerations() {
        return enumerations;
    }

    public Decision decide(Complaint complaint) {
        return new DecisionRun(this, complaint).run();
    }

    ModelEvaluation model(PolicyModel model) {
        return models.get(model);
    }

    /** An empty working memory of the guard rules, from Drools' pool; disposing of it gives it back to the pool. */
    KieSession guardSession() {
        return guards.newKieSession();
    }
}
