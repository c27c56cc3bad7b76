package com.shopcare.complaints.service.system;

import com.shopcare.complaints.service.Contract;
import com.shopcare.complaints.service.ServiceClient;
import com.shopcare.complaints.service.ServiceClient.Reply;
import com.shopcare.complaints.service.TestKeys;
import com.shopcare.complaints.service.decision.Requests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI yaml says everything the service enforces, and the service answers only what the yaml declares: the
 * cases a shop's developer found behind a validating proxy (issue 24), each sent to the real service over HTTP and
 * both sides checked by an independent OpenAPI validator (Atlassian's swagger-request-validator) against the yaml.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractConformanceTest {

    private static final String DECISIONS = "/v1/decisions";

    @LocalServerPort
    int port;

    private ServiceClient shop;
    private ServiceClient admin;
    private final Contract contract = Contract.get();
    private final Map<String, Object> spec = contract.yaml();

    @BeforeAll
    void connect() {
        // The shop of the documented example, whose shopId it sends.
        shop = new ServiceClient(port, TestKeys.SHOP_EU_1);
        admin = new ServiceClient(port, TestKeys.ADMIN);
    }

    // What the service refuses, the yaml refuses too: a generated client or a contract test knows it beforehand.

    @Test
    void zeroOrderValueIsRefusedByTheSchemaAndTheService() {
        refusedByBoth(Requests.with("order.value", "\"0\""), "order.value");
        refusedByBoth(Requests.with("order.value", "\"0.00\""), "order.value");
    }

    @Test
    void patternMismatchSaysTheYamlsWordsNotTheRegularExpression() {
        Reply alone = shop.postJson(DECISIONS, Requests.with("order.value", "\"0\""));
        // With a second error Jackson cannot bind, the body is checked against the yaml's schema instead.
        var both = Requests.with("order.value", "\"0\"");
        ((tools.jackson.databind.node.ObjectNode) both.get("complaint")).put("emotion", "angry");
        Reply withAnother = shop.postJson(DECISIONS, both);

        for (Reply reply : List.of(alone, withAnother)) {
            assertThat(reply.json().get("errors").valueStream()
                    .filter(error -> error.get("field").asString().equals("order.value"))
                    .map(error -> error.get("message").asString()))
                    .as(reply.body()).containsExactly("must be a decimal number greater than 0 as a string, at most 15"
                            + " digits and 4 decimals, e.g. \"249.90\"");
        }
    }

    @Test
    void unknownCurrencyIsRefusedByTheSchemaAndTheService() {
        refusedByBoth(Requests.with("order.currency", "\"ABC\""), "order.currency");
    }

    @Test
    void wholeNumberWrittenAsDecimalIsRefusedByTheSchemaAndTheService() {
        refusedByBoth(Requests.with("complaint.contactCount", "2.0"), "complaint.contactCount");
    }

    @Test
    void explicitNullIsRefusedByTheSchemaAndTheService() {
        for (String field : List.of("order.affectedValue", "incident", "shopId", "complaint.isPublic",
                "customer.publicReach")) {
            refusedByBoth(Requests.with(field, "null"), field);
        }
    }

    @Test
    void currencyEnumerationIsExactlyWhatTheServiceAccepts() {
        TreeSet<String> accepted = Currency.getAvailableCurrencies().stream()
                .filter(currency -> currency.getDefaultFractionDigits() >= 0)
                .map(Currency::getCurrencyCode)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(new TreeSet<>(list(schema("CurrencyCode"), "enum"))).isEqualTo(accepted);
    }

    // What JSON Schema cannot say, the yaml says as an x-checks extension; the service's 400 is declared.

    @Test
    void affectedValueAboveOrderValueIsDeclaredAsExtensionAndRefused() {
        assertThat(checks("Order")).anySatisfy(check -> {
            assertThat(check).containsEntry("check", "at-most-field").containsEntry("otherField", "value");
            assertThat(list(check, "fields")).containsExactly("affectedValue");
        });

        refusedByService(Requests.with("order.affectedValue", "\"300.00\""), "order.affectedValue");
    }

    @Test
    void moreDecimalsThanTheCurrencyHasIsDeclaredAsExtensionAndRefused() {
        assertThat(checks("Order")).anySatisfy(check -> {
            assertThat(check).containsEntry("check", "at-most-currency-minor-units")
                    .containsEntry("currencyField", "currency");
            assertThat(list(check, "fields")).containsExactlyInAnyOrder("value", "affectedValue", "shippingCost");
        });

        refusedByService(Requests.with("order.value", "\"249.905\""), "order.value");
        var yen = Requests.with("order.currency", "\"JPY\"");
        ((tools.jackson.databind.node.ObjectNode) yen.get("order")).put("value", "1200.5").put("affectedValue", "100")
                .put("shippingCost", "0");
        refusedByService(yen, "order.value");
    }

    // Every answer is declared: its status on its operation, its media type, and a problem with type and correlation id.

    @Test
    void documentedExampleGetsADecisionAsDeclared() {
        Reply reply = conforms(post(DECISIONS, Requests.DOCUMENTED_EXAMPLE, "application/json"), shop);

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void xmlOnlyAcceptHeaderIsADeclaredNotAcceptableProblem() {
        Reply reply = conforms(post(DECISIONS, Requests.DOCUMENTED_EXAMPLE, "application/json")
                .header("Accept", "application/xml"), shop);

        assertThat(reply.status()).isEqualTo(406);
        assertThat(reply.json().get("type").asString()).endsWith("/not-acceptable");
    }

    @Test
    void plainTextBodyIsADeclaredUnsupportedMediaTypeProblem() {
        Reply reply = conforms(post(DECISIONS, "hello", "text/plain"), shop);

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.json().get("type").asString()).endsWith("/unsupported-media-type");
    }

    @Test
    void fileNameWithEncodedSlashIsADeclaredBadRequestNamingFileName() {
        String version = admin.get("/v1/policy").json().get("policyVersion").asString();

        Reply reply = conforms(HttpRequest.newBuilder(uri("/v1/policy/versions/" + version + "/files/..%2Fx")).GET(),
                admin, "/v1/policy/versions/" + version + "/files/x");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(fields(reply)).containsExactly("fileName");
    }

    @Test
    void draftUploadWithoutItsFilesPartIsABadRequestNamingFiles() {
        String boundary = "contract-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"pastComplaints\"; filename=\"past.csv\""
                + "\r\nContent-Type: text/csv\r\n\r\nissue type\r\nLATE_DELIVERY\r\n--" + boundary + "--\r\n";

        Reply reply = conforms(post("/v1/policy/drafts", body, "multipart/form-data; boundary=" + boundary), admin);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(fields(reply)).containsExactly("files");
    }

    @Test
    void missingKeyIsADeclaredUnauthorizedProblem() {
        Reply reply = conforms(post(DECISIONS, Requests.DOCUMENTED_EXAMPLE, "application/json"),
                new ServiceClient(port, null));

        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void unknownMethodAndUnknownRouteAreProblemsWithAType() {
        Reply wrongMethod = shop.send(HttpRequest.newBuilder(uri(DECISIONS)).DELETE());
        Reply noRoute = admin.get("/v1/no-such-thing");

        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().get("type").asString()).endsWith("/method-not-allowed");
        assertThat(noRoute.status()).isEqualTo(404);
        assertThat(noRoute.json().get("type").asString()).endsWith("/not-found");
        // Neither has an operation in the yaml, so their bodies are checked against its Problem schema by hand.
        for (Reply reply : List.of(wrongMethod, noRoute)) {
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().propertyNames()).contains("type", "title", "status", "correlationId");
        }
    }

    @Test
    void everyOperationDeclaresTheAnswersEveryRequestCanGet() {
        Map<String, Map<String, Object>> paths = cast(spec.get("paths"));
        List<String> missing = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            Map<String, Object> op = cast(operation);
            Map<Object, Object> responses = cast(op.get("responses"));
            List<String> expected = new ArrayList<>(List.of("400", "401", "403", "406", "429", "500", "503"));
            if (op.containsKey("requestBody")) {
                expected.addAll(List.of("408", "413", "415"));
            }
            if (path.contains("{")) {
                expected.add("404");
            }
            expected.stream().filter(code -> !responses.containsKey(code) && !responses.containsKey(Integer.valueOf(code)))
                    .forEach(code -> missing.add(method + " " + path + " " + code));
        }));

        assertThat(missing).isEmpty();
    }

    /** The yaml's validator refuses the body naming the field, and so does the service, with a declared 400. */
    private void refusedByBoth(JsonNode body, String field) {
        assertThat(contract.refusedFields(DECISIONS, body.toString())).as("what the yaml says of %s", body)
                .contains("/" + field.replace('.', '/'));
        refusedByService(body, field);
    }

    private void refusedByService(JsonNode body, String field) {
        Reply reply = conforms(post(DECISIONS, body.toString(), "application/json"), shop);

        assertThat(reply.status()).as("answer to %s", body).isEqualTo(400);
        assertThat(fields(reply)).as("fields named for %s", body).contains(field);
    }

    /** Sends the request and checks the answer against the yaml's declaration for the operation. */
    private Reply conforms(HttpRequest.Builder request, ServiceClient client) {
        return conforms(request, client, null);
    }

    private Reply conforms(HttpRequest.Builder request, ServiceClient client, String specPath) {
        HttpRequest built = request.copy().build();
        Reply reply = client.send(request);
        String path = specPath != null ? specPath : built.uri().getRawPath();

        assertThat(contract.violations(built.method(), path, reply))
                .as("%s %s answered %s %s", built.method(), path, reply.status(), reply.body()).isEmpty();
        return reply;
    }

    private HttpRequest.Builder post(String path, String body, String contentType) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static List<String> fields(Reply reply) {
        List<String> fields = new ArrayList<>();
        reply.json().path("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    private Map<String, Object> schema(String name) {
        Map<String, Object> components = cast(spec.get("components"));
        Map<String, Object> schemas = cast(components.get("schemas"));
        return cast(schemas.get(name));
    }

    private List<Map<String, Object>> checks(String schemaName) {
        return cast(schema(schemaName).get("x-checks"));
    }

    private static List<String> list(Map<String, Object> map, String key) {
        return cast(map.get(key));
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
