package com.shopcare.complaints.engine;

import com.shopcare.complaints.guards.GuardLimits;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.api.core.ast.InputDataNode;
import org.kie.dmn.core.compiler.RuntimeTypeCheckOption;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.dmn.model.api.Decision;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.ItemDefinition;
import org.kie.dmn.model.api.RuleAnnotation;
import org.kie.dmn.validation.DMNValidator;
import org.kie.dmn.validation.DMNValidator.Validation;
import org.kie.dmn.validation.DMNValidatorFactory;
import org.kie.kogito.dmn.DmnDecisionModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns policy files into a {@link Policy}: refuses any file that is code rather than data ({@link PolicyFileScanner},
 * ADR 0006), validates each DMN file, compiles the models with runtime type checks on,
 * checks that each model has the shape the engine relies on, and adds the DRL guards that ship with the code.
 * Compiling is slow (seconds) and happens once per policy version; deciding with the result is fast.
 */
public final class PolicyCompiler {

    /** Where kie-maven-plugin lists the model classes it generated from the DRL files (this module's group and artifact). */
    static final String GUARD_MODEL_INDEX = "META-INF/kie/com.shopcare.complaints/rules/drools-model";
    /** The DRL guards, reviewed code shipped in this module; never loaded from anywhere else. */
    static final List<String> GUARD_RESOURCES = List.of(
            "com/shopcare/complaints/guards/OptionGuards.drl",
            "com/shopcare/complaints/guards/EscalationGuards.drl",
            "com/shopcare/complaints/guards/ResponseTimeGuards.drl");

    /** How many working memories the guards' pool starts with; it grows when more decisions run at once. */
    private static final int GUARD_SESSIONS = 4;
    /** How many outcomes each model remembers by default (ADR 0004): a few MB at most, per policy version. */
    public static final long DEFAULT_CACHE_SIZE = 4_096;
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Map<String, byte[]> guardSources;
    /** The guard rules and a pool of their working memories, shared by every policy this compiler makes. */
    private final CompletableFuture<Guards> guards;
    private final long cacheSize;
    private final Executor background;

    private record Guards(KieBase rules, KieSessionsPool sessions) {
    }

    public PolicyCompiler() {
        this(DEFAULT_CACHE_SIZE);
    }

    /** @param cacheSize how many outcomes each model of a compiled policy remembers; 0 evaluates every time */
    public PolicyCompiler(long cacheSize) {
        this(cacheSize, ForkJoinPool.commonPool());
    }

    /**
     * @param background runs the steps of a compilation that can go side by side. In a Spring Boot jar it must run
     *                   them on threads whose context class loader is the application's: KIE finds its services
     *                   through it, and the common fork-join pool's threads have the system class loader.
     */
    public PolicyCompiler(long cacheSize, Executor background) {
        if (cacheSize < 0) {
            throw new IllegalArgumentException("cacheSize must not be negative: " + cacheSize);
        }
        this.background = background;
        this.guardSources = readGuards();
        // Loading the guards, validating the DMN files and building the DMN runtime are independent: they run side by
        // side, which shortens start-up on a machine with several cores.
        this.guards = CompletableFuture.supplyAsync(() -> {
            KieBase rules = loadGuards();
            return new Guards(rules, rules.newKieSessionsPool(GUARD_SESSIONS));
        }, background);
        this.cacheSize = cacheSize;
    }

    /** Compiles the files into a policy, or throws a {@link PolicyException} naming each file and problem. */
    public Policy compile(PolicyFiles files) {
        return compile(files, null);
    }

    /**
     * Compiles the files into a policy that reports {@code version} as its version (a published version's id), or,
     * when it is null, a version derived from the files' and the guards' content.
     */
    public Policy compile(PolicyFiles files, String version) {
        // Before any KIE parser reads the bytes: a file that is code, not data, never reaches the engine.
        List<String> unsafe = PolicyFileScanner.scan(files);
        if (!unsafe.isEmpty()) {
            throw new PolicyException(unsafe);
        }
        return compileUnscanned(files, version);
    }

    /** Compiles files without scanning them: {@link #compile} after the scan, and the test of the second layer. */
    Policy compileUnscanned(PolicyFiles files) {
        return compileUnscanned(files, null);
    }

    private Policy compileUnscanned(PolicyFiles files, String version) {
        CompletableFuture<List<String>> validation = files.isReleased()
                ? CompletableFuture.completedFuture(List.of())
                : CompletableFuture.supplyAsync(() -> validate(files), background);
        DMNRuntime runtime;
        try {
            runtime = buildRuntime(files);
        } catch (RuntimeException e) {
            // The validator names the file and the element; prefer its account of what is wrong. (The builder may
            // even fail with a NullPointerException on a file that is not DMN at all.)
            List<String> invalid = join(validation);
            if (!invalid.isEmpty()) {
                throw new PolicyException(invalid);
            }
            throw e instanceof PolicyException ? e : new PolicyException(List.of("the DMN files do not compile: " + e));
        }
        List<String> problems = new ArrayList<>(join(validation));
        if (!problems.isEmpty()) {
            throw new PolicyException(problems);
        }
        Map<PolicyModel, DMNModel> models = new EnumMap<>(PolicyModel.class);
        for (PolicyModel expected : PolicyModel.values()) {
            DMNModel model = runtime.getModel(expected.namespace(), expected.modelName());
            if (model == null) {
                problems.add(expected.fileName() + ": does not define the model '" + expected.modelName()
                        + "' in namespace " + expected.namespace());
                continue;
            }
            for (DMNMessage message : model.getMessages(DMNMessage.Severity.ERROR)) {
                problems.add(expected.fileName() + ": " + describe(message));
            }
            problems.addAll(checkShape(expected, model));
            models.put(expected, model);
        }
        if (!problems.isEmpty()) {
            throw new PolicyException(problems);
        }

        Map<String, List<String>> rowNotes = new LinkedHashMap<>();
        List<PolicyTable> tables = new ArrayList<>();
        for (PolicyModel expected : PolicyModel.values()) {
            for (Decision decision : decisions(models.get(expected))) {
                if (decision.getExpression() instanceof DecisionTable table) {
                    rowNotes.put(decision.getName(), table.getRule().stream().map(PolicyCompiler::annotation).toList());
                    tables.add(new PolicyTable(decision.getName(), expected.fileName(), PolicyTable.Kind.DECISION_TABLE,
                            hitPolicy(table), table.getRule().size()));
                }
            }
        }
        Guards guardRules = join(guards);
        for (KiePackage kiePackage : guardRules.rules().getKiePackages()) {
            kiePackage.getRules().stream()
                    .map(rule -> new PolicyTable(rule.getName(), rule.getPackageName(), PolicyTable.Kind.RULE, null, null))
                    .sorted(java.util.Comparator.comparing(PolicyTable::name))
                    .forEach(tables::add);
        }
        runtime.addListener(new RowTrail(rowNotes));

        Map<PolicyModel, ModelEvaluation> decisionModels = new EnumMap<>(PolicyModel.class);
        for (PolicyModel expected : PolicyModel.values()) {
            List<String> inputNames = models.get(expected).getInputs().stream().map(InputDataNode::getName).sorted().toList();
            decisionModels.put(expected, new ModelEvaluation(expected,
                    new DmnDecisionModel(runtime, expected.namespace(), expected.modelName()), inputNames, cacheSize));
        }
        return new Policy(version == null ? version(files) : version, decisionModels, guardRules.sessions(), tables,
                enumerations(models.values()));
    }

    /** How {@link #unreadable} starts when a table imports another model. */
    static final String IMPORTS = "this table imports another model";

    /** What a validator's exception on one file tells a business reader. */
    static String unreadable(RuntimeException e) {
        String message = String.valueOf(e.getMessage()).strip();
        if (message.contains("failed to import")) {
            return IMPORTS + " (" + message + "). Each table of the policy stands alone: the engine hands one"
                    + " model's outcomes to the next, so remove the <import> element.";
        }
        return "the validator could not read this table: " + message;
    }

    /** Schema and model validation of each file on its own (the models do not import each other). */
    static List<String> validate(PolicyFiles files) {
        List<String> problems = new ArrayList<>();
        for (PolicyModel expected : PolicyModel.values()) {
            if (!files.files().containsKey(expected.fileName())) {
                problems.add(expected.fileName() + ": missing from the policy");
            }
        }
        DMNValidator validator = DMNValidatorFactory.newValidator();
        try {
            for (Map.Entry<String, byte[]> file : files.files().entrySet()) {
                List<DMNMessage> messages;
                try {
                    messages = validator.validateUsing(Validation.VALIDATE_SCHEMA, Validation.VALIDATE_MODEL)
                            .theseModels(resource(file.getKey(), file.getValue()));
                } catch (RuntimeException e) {
                    // KIE's validator throws instead of reporting for some models, such as one importing another.
                    problems.add(file.getKey() + ": " + unreadable(e));
                    continue;
                }
                messages.stream()
                        .filter(m -> m.getSeverity() == DMNMessage.Severity.ERROR)
                        .forEach(m -> problems.add(file.getKey() + ": " + describe(m)));
            }
        } finally {
            validator.dispose();
        }
        return problems;
    }

    static DMNRuntime buildRuntime(PolicyFiles files) {
        List<Resource> resources = files.files().entrySet().stream()
                .map(file -> resource(file.getKey(), file.getValue()))
                .toList();
        return DMNRuntimeBuilder.fromDefaults()
                // The class loader Java external functions are resolved through: one that exposes no class at all.
                .setRootClassLoader(new PolicyClassLoader())
                .setOption(new RuntimeTypeCheckOption(true))
                .buildConfiguration()
                .fromResources(resources)
                .getOrElseThrow(e -> new PolicyException(List.of("the DMN files do not compile: " + e.getMessage())));
    }

    private static List<String> checkShape(PolicyModel expected, DMNModel model) {
        List<String> problems = new ArrayList<>();
        for (String decision : expected.requiredDecisions()) {
            if (model.getDecisionByName(decision) == null) {
                problems.add(expected.fileName() + ": the decision '" + decision + "' is missing; the service reads it");
            }
        }
        model.getInputs().stream()
                .filter(input -> !expected.suppliedInputs().contains(input.getName()))
                .forEach(input -> problems.add(expected.fileName() + ": the input '" + input.getName()
                        + "' is not one the service supplies " + expected.suppliedInputs()));
        for (Decision decision : decisions(model)) {
            if (decision.getExpression() instanceof DecisionTable table) {
                for (int row = 1; row <= table.getRule().size(); row++) {
                    if (annotation(table.getRule().get(row - 1)).isBlank()) {
                        problems.add(expected.fileName() + ": row " + row + " of '" + decision.getName()
                                + "' has no annotation; it is what the customer-service agent reads as the reason");
                    }
                }
            }
        }
        return problems;
    }

    /**
     * The allowed values of each input with an enumerated type, in the order the model lists them. The policy's
     * types list ordered values from least to most (tEmotion CALM to FURIOUS, tLevel LOW to CRITICAL).
     */
    private static Map<String, List<String>> enumerations(java.util.Collection<DMNModel> models) {
        Map<String, List<String>> enumerations = new java.util.TreeMap<>();
        for (DMNModel model : models) {
            Map<String, ItemDefinition> types = model.getDefinitions().getItemDefinition().stream()
                    .collect(Collectors.toMap(ItemDefinition::getName, type -> type, (a, b) -> a));
            for (InputDataNode input : model.getInputs()) {
                ItemDefinition type = types.get(input.getType().getName());
                if (type != null && type.getAllowedValues() != null && type.getAllowedValues().getText() != null) {
                    List<String> values = new ArrayList<>();
                    Matcher literal = STRING_LITERAL.matcher(type.getAllowedValues().getText());
                    while (literal.find()) {
                        values.add(literal.group(1));
                    }
                    if (!values.isEmpty()) {
                        enumerations.putIfAbsent(input.getName(), List.copyOf(values));
                    }
                }
            }
        }
        return enumerations;
    }

    private static List<Decision> decisions(DMNModel model) {
        return model.getDefinitions().getDrgElement().stream()
                .filter(Decision.class::isInstance)
                .map(Decision.class::cast)
                .toList();
    }

    private static String annotation(DecisionRule rule) {
        return rule.getAnnotationEntry().stream()
                .map(RuleAnnotation::getText)
                .filter(text -> text != null && !text.isBlank())
                .map(String::strip)
                .collect(Collectors.joining("; "));
    }

    private static String hitPolicy(DecisionTable table) {
        String hitPolicy = table.getHitPolicy().value();
        return table.getAggregation() == null ? hitPolicy : hitPolicy + " " + table.getAggregation().value();
    }

    private static String describe(DMNMessage message) {
        String where = message.getSourceId() == null ? "" : " (element " + message.getSourceId() + ")";
        return message.getText() + where;
    }

    static Resource resource(String fileName, byte[] content) {
        Resource resource = KieServices.get().getResources().newByteArrayResource(content);
        resource.setSourcePath(fileName);
        resource.setResourceType(ResourceType.DMN);
        return resource;
    }

    /** The files' content hash with the guards' sources and limits added: a change of any of them is a new version. */
    private String version(PolicyFiles files) {
        Map<String, byte[]> all = new java.util.TreeMap<>(files.files());
        all.putAll(guardSources);
        return PolicyFiles.contentHash(all).substring(0, 12);
    }

    private static <T> T join(CompletableFuture<T> step) {
        try {
            return step.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private static Map<String, byte[]> readGuards() {
        Map<String, byte[]> sources = new LinkedHashMap<>();
        for (String path : GUARD_RESOURCES) {
            try (InputStream in = PolicyCompiler.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException(path + " is missing from the release");
                }
                sources.put(path, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        // The limits the rules read decide as much as the rules' text: a change of either is a new version.
        sources.put("com/shopcare/complaints/guards/GuardLimits", ("FREQUENT_COMPENSATIONS=" + GuardLimits.FREQUENT_COMPENSATIONS
                + "\nCOMPENSATION_CAP_PERCENT=" + GuardLimits.COMPENSATION_CAP_PERCENT
                + "\nMAX_DAYS_BETWEEN_UPDATES=" + GuardLimits.MAX_DAYS_BETWEEN_UPDATES).getBytes(StandardCharsets.UTF_8));
        return sources;
    }

    /**
     * The guards' KieBase from the executable model that the build generated from the DRL files (kie-maven-plugin,
     * ADR 0010): the rules arrive as compiled classes, so no DRL is parsed or compiled at start-up.
     */
    static KieBase loadGuards() {
        ClassLoader loader = PolicyCompiler.class.getClassLoader();
        List<Model> models = new ArrayList<>();
        try (InputStream in = loader.getResourceAsStream(GUARD_MODEL_INDEX)) {
            if (in == null) {
                throw new IllegalStateException(GUARD_MODEL_INDEX + " is missing: the build did not generate the guards' model");
            }
            // The index names the generated model classes, one per line, after a version line.
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (!line.isBlank() && !line.startsWith("Drools-Model-Version:")) {
                    models.add((Model) Class.forName(line.strip(), true, loader).getDeclaredConstructor().newInstance());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The guards' generated model does not load", e);
        }
        return KieBaseBuilder.createKieBaseFromModel(models);
    }
}
