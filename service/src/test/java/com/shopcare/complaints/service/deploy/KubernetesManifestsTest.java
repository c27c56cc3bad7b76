package com.shopcare.complaints.service.deploy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The manifests in {@code deploy/kubernetes} against each other and against the application's own configuration
 * ({@code application.yaml}): what the kubelet probes, where the store is, who reaches the pods. No cluster needed.
 */
class KubernetesManifestsTest {

    private static final Path MODULE = Path.of(System.getProperty("basedir", "."));
    private static final Path MANIFESTS = MODULE.resolve("../deploy/kubernetes").normalize();
    private static final Path APPLICATION_YAML = MODULE.resolve("src/main/resources/application.yaml");
    private static final String NAMESPACE = "complaint-decisions";
    /** Files that show what to create by hand (placeholders): parsed and checked, never applied by kustomize. */
    private static final String EXAMPLE_SUFFIX = ".example.yaml";

    @Test
    void everyYamlFileParsesAsKubernetesObjectsOfOneKindEach() {
        List<Path> files = yamlFiles();
        assertThat(files).as("yaml files in %s", MANIFESTS).isNotEmpty();
        for (Path file : files) {
            List<Map<String, Object>> objects = parse(file);
            assertThat(objects).as("objects in %s", file.getFileName()).isNotEmpty();
            for (Map<String, Object> object : objects) {
                assertThat(object).as("%s", file.getFileName()).containsKeys("apiVersion", "kind");
                if (!file.getFileName().toString().equals("kustomization.yaml")) {
                    assertThat(string(object, "metadata.name")).as("metadata.name in %s", file.getFileName())
                            .isNotBlank();
                }
            }
            assertThat(objects.stream().map(o -> o.get("kind")).distinct()).as("kinds in %s", file.getFileName())
                    .hasSize(1);
        }
    }

    @Test
    void kustomizationListsEveryManifestButTheExamples() {
        Map<String, Object> kustomization = single("Kustomization");
        Set<String> listed = Set.copyOf(strings(kustomization, "resources"));
        Set<String> manifests = yamlFiles().stream().map(file -> file.getFileName().toString())
                .filter(name -> !name.equals("kustomization.yaml") && !name.endsWith(EXAMPLE_SUFFIX))
                .collect(Collectors.toSet());

        assertThat(listed).isEqualTo(manifests);
        assertThat(kustomization.get("namespace")).isEqualTo(NAMESPACE);
    }

    @Test
    void everyObjectButTheNamespaceLivesInTheServicesNamespace() {
        for (Map<String, Object> object : objects()) {
            String kind = (String) object.get("kind");
            if (kind.equals("Namespace")) {
                assertThat(string(object, "metadata.name")).isEqualTo(NAMESPACE);
            } else if (!kind.equals("Kustomization")) {
                assertThat(string(object, "metadata.namespace")).as("namespace of the %s", kind).isEqualTo(NAMESPACE);
            }
        }
    }

    @Test
    void probesAskTheApplicationsHealthGroupsOnItsServerPort() {
        Map<String, Object> app = applicationYaml();
        assertThat(value(app, "management.endpoint.health.probes.enabled"))
                .as("management.endpoint.health.probes.enabled: the liveness and readiness groups exist").isEqualTo(true);
        String healthBase = Objects.toString(value(app, "management.endpoints.web.base-path"), "/actuator") + "/health/";
        Map<String, Object> container = container();

        assertThat(string(container, "livenessProbe.httpGet.path")).isEqualTo(healthBase + "liveness");
        assertThat(string(container, "startupProbe.httpGet.path")).isEqualTo(healthBase + "liveness");
        assertThat(string(container, "readinessProbe.httpGet.path")).isEqualTo(healthBase + "readiness");
        // The readiness group must wait for the compiled and warmed-up policy, or shops reach a cold instance.
        assertThat(Objects.toString(value(app, "management.endpoint.health.group.readiness.include"), ""))
                .as("management.endpoint.health.group.readiness.include").contains("readinessState", "policy");

        int serverPort = serverPort(app, container);
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(containerPort(container, value(container, probe + ".httpGet.port")))
                    .as("%s's port", probe).isEqualTo(serverPort);
        }
    }

    @Test
    void startupProbeWaitsLongEnoughForTheColdPolicyCompileAndWarmUp() {
        Map<String, Object> startup = map(container(), "startupProbe");
        int seconds = integer(startup, "periodSeconds", 10) * integer(startup, "failureThreshold", 3);

        // A cold start takes 20-40 s on two cores; twice that, so a slow node does not end in a restart loop.
        assertThat(seconds).isGreaterThanOrEqualTo(80);
    }

    @Test
    void podIsGivenLongerToStopThanThePreStopPauseAndTheGracefulShutdown() {
        Map<String, Object> pod = podSpec();
        int preStop = integer(map(container(), "lifecycle.preStop.sleep"), "seconds", 0);
        long shutdown = DurationStyle.detectAndParse(
                string(applicationYaml(), "spring.lifecycle.timeout-per-shutdown-phase")).toSeconds();

        assertThat(preStop).as("preStop sleep").isPositive();
        assertThat(integer(pod, "terminationGracePeriodSeconds", 30)).isGreaterThan(preStop + (int) shutdown);
    }

    @Test
    void policyStoreVariableIsTheMountOfAReadWriteManyClaim() {
        Map<String, Object> container = container();
        String store = env(container).get("DECISION_POLICY_STORE");
        Map<String, Object> mount = mounts(container).stream()
                .filter(m -> Objects.equals(m.get("mountPath"), store)).findFirst()
                .orElseThrow(() -> new AssertionError("no volume is mounted at DECISION_POLICY_STORE=" + store));
        Map<String, Object> volume = volume((String) mount.get("name"));
        String claimName = string(volume, "persistentVolumeClaim.claimName");
        Map<String, Object> claim = objects("PersistentVolumeClaim").stream()
                .filter(c -> Objects.equals(string(c, "metadata.name"), claimName)).findFirst()
                .orElseThrow(() -> new AssertionError("no PersistentVolumeClaim " + claimName));

        assertThat(mount.get("readOnly")).as("the store's mount is writable").isNotEqualTo(true);
        assertThat(strings(claim, "spec.accessModes")).as("replicas share the store").contains("ReadWriteMany");
    }

    @Test
    void rootFilesystemIsReadOnlyAndOnlyTheStoreAndTmpAreWritable() {
        Map<String, Object> container = container();
        String store = env(container).get("DECISION_POLICY_STORE");

        assertThat(containerSecurity(container, "readOnlyRootFilesystem")).isEqualTo(true);
        Map<String, Object> tmp = mounts(container).stream().filter(m -> "/tmp".equals(m.get("mountPath")))
                .findFirst().orElseThrow(() -> new AssertionError("/tmp is not mounted: Tomcat cannot write"));
        assertThat(volume((String) tmp.get("name"))).as("the /tmp volume").containsKey("emptyDir");
        assertThat(mounts(container).stream().filter(m -> !Boolean.TRUE.equals(m.get("readOnly")))
                .map(m -> m.get("mountPath"))).as("writable mounts").containsExactlyInAnyOrder(store, "/tmp");
    }

    @Test
    void containerRunsAsTheImagesUserWithoutPrivilegesOrCapabilities() {
        Map<String, Object> container = container();

        assertThat(containerSecurity(container, "runAsNonRoot")).isEqualTo(true);
        assertThat(containerSecurity(container, "runAsUser")).isEqualTo(65532);
        assertThat(containerSecurity(container, "runAsGroup")).isEqualTo(65532);
        assertThat(containerSecurity(container, "allowPrivilegeEscalation")).isEqualTo(false);
        assertThat(containerSecurity(container, "seccompProfile.type")).isEqualTo("RuntimeDefault");
        assertThat(strings(container, "securityContext.capabilities.drop")).containsExactly("ALL");
    }

    @Test
    void keysComeFromTheSecretWhoseExampleHasNoRealHashes() {
        Map<String, Object> container = container();
        Map<String, Object> example = single("Secret");
        for (String variable : List.of("DECISION_API_KEYS", "DECISION_ADMIN_KEYS", "DECISION_METRICS_KEYS")) {
            Map<String, Object> ref = envEntries(container).stream().filter(e -> variable.equals(e.get("name")))
                    .map(e -> map(e, "valueFrom.secretKeyRef")).findFirst()
                    .orElseThrow(() -> new AssertionError(variable + " is not taken from a Secret"));

            assertThat(ref.get("name")).isEqualTo(string(example, "metadata.name"));
            assertThat(string(example, "stringData." + ref.get("key"))).as("example's %s", variable)
                    .isNotBlank().doesNotContainPattern("[0-9a-fA-F]{64}");
        }
    }

    @Test
    void heapSizedFromTheMemoryLimitLeavesRoomOutsideTheHeap() {
        Map<String, Object> container = container();
        Matcher percent = Pattern.compile("-XX:MaxRAMPercentage=(\\d+(?:\\.\\d+)?)")
                .matcher(Objects.toString(env(container).get("JAVA_TOOL_OPTIONS"), ""));
        assertThat(percent.find()).as("JAVA_TOOL_OPTIONS sets -XX:MaxRAMPercentage").isTrue();
        long limit = bytes(string(container, "resources.limits.memory"));
        long heap = (long) (limit * Double.parseDouble(percent.group(1)) / 100);

        // Warm, the JVM commits about 200 MB outside the heap (metaspace, code cache, GC structures, threads), and
        // the GC's share grows with the heap: 300 MiB, or the kernel ends the pod before the heap is full.
        assertThat(limit - heap).as("bytes outside the heap").isGreaterThanOrEqualTo(300L << 20);
        assertThat(string(container, "resources.requests.cpu")).as("CPU request, the HPA's measure").isNotBlank();
        assertThat(string(container, "resources.limits.cpu")).isNotBlank();
        assertThat(string(container, "resources.requests.memory")).isNotBlank();
    }

    @Test
    void serviceReachesTheContainerPortByName() {
        Map<String, Object> service = single("Service");
        Map<String, Object> port = list(service, "spec.ports").get(0);

        assertThat(string(service, "spec.type")).isEqualTo("ClusterIP");
        assertThat(port.get("port")).isEqualTo(80);
        assertThat(port.get("targetPort")).isIn(portNames(container()));
        assertThat(selects(map(service, "spec.selector"))).as("the Service selects the Deployment's pods").isTrue();
    }

    @Test
    void disruptionBudgetAndAutoscalerCoverTheDeployment() {
        Map<String, Object> deployment = single("Deployment");
        Map<String, Object> budget = single("PodDisruptionBudget");
        Map<String, Object> autoscaler = single("HorizontalPodAutoscaler");
        int replicas = integer(map(deployment, "spec"), "replicas", 1);

        assertThat(selects(map(budget, "spec.selector.matchLabels"))).as("the PDB selects the pods").isTrue();
        assertThat(integer(map(budget, "spec"), "minAvailable", 0)).isEqualTo(1).isLessThan(replicas);
        assertThat(autoscaler.get("apiVersion")).isEqualTo("autoscaling/v2");
        assertThat(map(autoscaler, "spec.scaleTargetRef")).containsEntry("apiVersion", "apps/v1")
                .containsEntry("kind", "Deployment").containsEntry("name", string(deployment, "metadata.name"));
        assertThat(integer(map(autoscaler, "spec"), "minReplicas", 1)).isGreaterThanOrEqualTo(replicas);
        assertThat(list(autoscaler, "spec.metrics")).anySatisfy(metric -> {
            assertThat(string(metric, "resource.name")).isEqualTo("cpu");
            assertThat(string(metric, "resource.target.type")).isEqualTo("Utilization");
        });
    }

    @Test
    void networkPolicyLetsOnlyTheShopAdminAndMonitoringNamespacesReachTheContainerPort() {
        Map<String, Object> policy = single("NetworkPolicy");
        List<Map<String, Object>> rules = list(policy, "spec.ingress");
        Set<Object> containerPorts = Set.of(containerPort(container(), "http"), "http");

        assertThat(selects(map(policy, "spec.podSelector.matchLabels"))).as("the policy covers the pods").isTrue();
        assertThat(strings(policy, "spec.policyTypes")).contains("Ingress");
        List<Map<String, Object>> sources = new ArrayList<>();
        for (Map<String, Object> rule : rules) {
            assertThat(list(rule, "ports")).as("every rule names its ports").isNotEmpty()
                    .allSatisfy(port -> assertThat(port.get("port")).isIn(containerPorts));
            sources.addAll(list(rule, "from"));
        }
        assertThat(sources).as("every source is a namespace chosen by label, not everyone").isNotEmpty()
                .allSatisfy(from -> assertThat(from.keySet()).containsExactly("namespaceSelector"));
        assertThat(sources.stream().map(from -> string(from, "namespaceSelector.matchLabels.complaint-decisions/role")))
                .containsExactlyInAnyOrder("shop", "admin", "monitoring");
    }

    // --- the manifests

    private static List<Path> yamlFiles() {
        try (Stream<Path> files = Files.list(MANIFESTS)) {
            return files.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documents of one file; a file kubectl would refuse (bad syntax, a duplicate key) fails the test. */
    private static List<Map<String, Object>> parse(Path file) {
        LoaderOptions options = new LoaderOptions();
        // kubectl refuses a mapping key given twice; SnakeYAML would keep the last one.
        options.setAllowDuplicateKeys(false);
        List<Map<String, Object>> documents = new ArrayList<>();
        try {
            for (Object document : new Yaml(new SafeConstructor(options)).loadAll(Files.readString(file))) {
                if (document == null) {
                    continue;
                }
                if (!(document instanceof Map<?, ?>)) {
                    fail("%s: a document is not a mapping: %s", file.getFileName(), document);
                }
                documents.add(cast(document));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new AssertionError(file.getFileName() + " does not parse: " + e.getMessage(), e);
        }
        return documents;
    }

    private static List<Map<String, Object>> objects() {
        return yamlFiles().stream().flatMap(file -> parse(file).stream()).toList();
    }

    private static List<Map<String, Object>> objects(String kind) {
        return objects().stream().filter(object -> kind.equals(object.get("kind"))).toList();
    }

    private static Map<String, Object> single(String kind) {
        List<Map<String, Object>> found = objects(kind);
        assertThat(found).as("objects of kind %s", kind).hasSize(1);
        return found.get(0);
    }

    private static Map<String, Object> podSpec() {
        return map(single("Deployment"), "spec.template.spec");
    }

    private static Map<String, Object> container() {
        List<Map<String, Object>> containers = list(podSpec(), "containers");
        assertThat(containers).as("containers").hasSize(1);
        return containers.get(0);
    }

    private static Map<String, Object> volume(String name) {
        return list(podSpec(), "volumes").stream().filter(v -> name.equals(v.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
    }

    private static List<Map<String, Object>> mounts(Map<String, Object> container) {
        return list(container, "volumeMounts");
    }

    private static List<Map<String, Object>> envEntries(Map<String, Object> container) {
        return list(container, "env");
    }

    /** The container's plain env values (not those from a Secret). */
    private static Map<String, String> env(Map<String, Object> container) {
        Map<String, String> env = new LinkedHashMap<>();
        envEntries(container).stream().filter(e -> e.containsKey("value"))
                .forEach(e -> env.put((String) e.get("name"), Objects.toString(e.get("value"))));
        return env;
    }

    /** A container's security setting, else the pod's (as the kubelet applies them). */
    private static Object containerSecurity(Map<String, Object> container, String path) {
        Object own = value(container, "securityContext." + path);
        return own != null ? own : value(podSpec(), "securityContext." + path);
    }

    private static Set<Object> portNames(Map<String, Object> container) {
        return list(container, "ports").stream().map(p -> p.get("name")).filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }

    /** The port number a probe or Service port means, by number or by the container port's name. */
    private static int containerPort(Map<String, Object> container, Object port) {
        if (port instanceof Integer number) {
            return number;
        }
        return list(container, "ports").stream().filter(p -> Objects.equals(p.get("name"), port))
                .map(p -> (Integer) p.get("containerPort")).findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + port));
    }

    /** Whether a label selector picks the Deployment's pods. */
    private static boolean selects(Map<String, Object> matchLabels) {
        Map<String, Object> podLabels = map(single("Deployment"), "spec.template.metadata.labels");
        return !matchLabels.isEmpty() && podLabels.entrySet().containsAll(matchLabels.entrySet());
    }

    // --- the application's configuration

    private static Map<String, Object> applicationYaml() {
        try {
            return cast(new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(APPLICATION_YAML)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port the application listens on in the pod: SERVER_PORT if the Deployment sets it, else application.yaml. */
    private static int serverPort(Map<String, Object> app, Map<String, Object> container) {
        String fromEnv = env(container).get("SERVER_PORT");
        Object fromYaml = value(app, "server.port");
        return Integer.parseInt(fromEnv != null ? fromEnv : fromYaml != null ? fromYaml.toString() : "8080");
    }

    // --- small helpers over parsed yaml

    /**
     * The value at a dotted path, or null. Spring's yaml may write a path in one key ({@code a.b: 1}) or nested;
     * both are found. Kubernetes keys with dots or slashes are found as one key.
     */
    private static Object value(Map<String, Object> root, String path) {
        if (root.containsKey(path)) {
            return root.get(path);
        }
        int dot = path.indexOf('.');
        while (dot > 0) {
            Object child = root.get(path.substring(0, dot));
            if (child instanceof Map<?, ?> map) {
                Object found = value(cast(map), path.substring(dot + 1));
                if (found != null) {
                    return found;
                }
            }
            dot = path.indexOf('.', dot + 1);
        }
        return null;
    }

    private static String string(Map<String, Object> root, String path) {
        Object value = value(root, path);
        return value == null ? null : value.toString();
    }

    private static int integer(Map<String, Object> root, String path, int kubernetesDefault) {
        Object value = value(root, path);
        return value == null ? kubernetesDefault : (Integer) value;
    }

    private static Map<String, Object> map(Map<String, Object> root, String path) {
        Object value = value(root, path);
        assertThat(value).as(path).isInstanceOf(Map.class);
        return cast(value);
    }

    private static List<Map<String, Object>> list(Map<String, Object> root, String path) {
        Object value = value(root, path);
        if (value == null) {
            return List.of();
        }
        assertThat(value).as(path).isInstanceOf(List.class);
        return ((List<?>) value).stream().map(KubernetesManifestsTest::<Map<String, Object>>cast).toList();
    }

    private static List<String> strings(Map<String, Object> root, String path) {
        Object value = value(root, path);
        assertThat(value).as(path).isInstanceOf(List.class);
        return ((List<?>) value).stream().map(Object::toString).toList();
    }

    /** Bytes of a Kubernetes memory quantity such as {@code 1Gi}, {@code 512Mi} or {@code 1G}. */
    private static long bytes(String quantity) {
        Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)?)([KMGT]i?)?").matcher(quantity);
        assertThat(m.matches()).as("memory quantity %s", quantity).isTrue();
        String unit = m.group(2) == null ? "" : m.group(2);
        int power = "KMGT".indexOf(unit.isEmpty() ? 'x' : unit.charAt(0)) + 1;
        BigDecimal base = BigDecimal.valueOf(unit.endsWith("i") ? 1024 : 1000);
        return new BigDecimal(m.group(1)).multiply(base.pow(power)).longValueExact();
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
