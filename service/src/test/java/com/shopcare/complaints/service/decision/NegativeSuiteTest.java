package com.shopcare.complaints.service.decision;

import com.shopcare.complaints.service.Contract;
import com.shopcare.complaints.service.ServiceClient;
import com.shopcare.complaints.service.ServiceClient.Reply;
import com.shopcare.complaints.service.access.ApiKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hundreds of invalid requests generated from the OpenAPI yaml ({@link InvalidRequests}) plus broken HTTP: each must
 * be a 4xx problem detail naming the offending field, never a 5xx, and never show a stack frame or an internal name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NegativeSuiteTest {

    /** A stack frame, or a name that only the service's code, its libraries or the JDK would use. */
    private static final Pattern INTERNAL = Pattern.compile(
            "\\bat [\\w$.]+\\(|com\\.shopcare|org\\.springframework|tools\\.jackson|com\\.fasterxml|org\\.kie|"
                    + "org\\.drools|java\\.(lang|util|io)|jakarta\\.|[A-Z]\\w*(Exception|Error)\\b");

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    private ApiKeys.TemporaryKey key;
    private ServiceClient client;

    @BeforeAll
    void connect() {
        // Not rate limited: the suite sends its hundreds of requests as fast as the service answers.
        key = apiKeys.temporaryKey("negative-suite");
        client = new ServiceClient(port, key.key());
    }

    @AfterAll
    void revoke() {
        key.close();
    }

    static List<ObjectNode> bases() {
        ObjectNode minimal = (ObjectNode) Requests.without("shopId");
        for (String optional : List.of("incident", "complaint.isPublic", "complaint.contactCount", "complaint.delayDays",
                "complaint.legalThreat", "complaint.daysSinceDelivery", "order.affectedValue", "order.shippingCost",
                "customer.compensationsLast90Days", "customer.publicReach")) {
            minimal = (ObjectNode) remove(minimal, optional);
        }
        ObjectNode otherValues = (ObjectNode) Requests.without("shopId");
        ((ObjectNode) otherValues.get("complaint")).put("issueType", "LATE_DELIVERY").put("emotion", "FURIOUS")
                .put("isPublic", true);
        ((ObjectNode) otherValues.get("order")).put("currency", "JPY").put("value", "12000").put("affectedValue", "12000")
                .put("shippingCost", "0");
        ((ObjectNode) otherValues.get("customer")).put("tier", "VIP").put("publicReach", 25_000);
        return List.of(Requests.without("shopId"), minimal, otherValues);
    }

    @Test
    void suiteIsLargeEnoughToMeanSomething() {
        assertThat(schemaViolations().count() + brokenHttp().size()).isGreaterThanOrEqualTo(500);
    }

    @TestFactory
    Stream<DynamicTest> everySchemaViolationIsABadRequestNamingTheField() {
        return schemaViolations().map(invalid -> DynamicTest.dynamicTest(invalid.description(), () -> {
            Reply reply = client.post("/v1/decisions", "application/json", invalid.body());

            assertProblem(reply, 400);
            assertDeclared(reply);
            List<String> fields = new ArrayList<>();
            reply.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
            assertThat(fields).as("fields named for %s", invalid.body())
                    .anySatisfy(field -> assertThat(field).matches(Pattern.quote(invalid.field()) + "(\\..+)?"));
        }));
    }

    @TestFactory
    Stream<DynamicTest> brokenHttpIsAClientErrorProblem() {
        return brokenHttp().stream().map(request -> DynamicTest.dynamicTest(request.description(), () -> {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/decisions"))
                    .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
            if (request.contentType() != null) {
                builder.header("Content-Type", request.contentType());
            }
            Reply reply = client.send(builder);

            assertProblem(reply, request.status());
            if (request.method().equals("POST")) {
                assertDeclared(reply);
            }
        }));
    }

    private Stream<InvalidRequests.Invalid> schemaViolations() {
        InvalidRequests generator = InvalidRequests.fromSpec();
        return bases().stream().flatMap(base -> generator.from(base).stream());
    }

    record Broken(String description, String method, String contentType, byte[] body, int status) {
    }

    private static List<Broken> brokenHttp() {
        byte[] valid = Requests.without("shopId").toString().getBytes(StandardCharsets.UTF_8);
        List<Broken> broken = new ArrayList<>();
        for (int cut = 1; cut < valid.length; cut += Math.max(1, valid.length / 40)) {
            broken.add(new Broken("truncated after " + cut + " bytes", "POST", "application/json",
                    java.util.Arrays.copyOf(valid, cut), 400));
        }
        for (String root : List.of("", " ", "null", "0", "\"text\"", "[]", "true", "{}", "{\"complaintId\":\"C-1\"}{}",
                "{\"complaintId\":\"C-1\",\"complaintId\":\"C-2\"}", "{'complaintId':'C-1'}", "{complaintId:1}")) {
            broken.add(new Broken("body " + root, "POST", "application/json", root.getBytes(StandardCharsets.UTF_8), 400));
        }
        broken.add(new Broken("bytes that are not UTF-8", "POST", "application/json",
                new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}, 400));
        broken.add(new Broken("nesting 5,000 deep", "POST", "application/json",
                ("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)).getBytes(StandardCharsets.UTF_8), 400));
        broken.add(new Broken("arrays 20,000 deep", "POST", "application/json",
                ("[".repeat(20_000) + "]".repeat(20_000)).getBytes(StandardCharsets.UTF_8), 400));
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "application/cbor",
                "application/json-patch+json")) {
            broken.add(new Broken("content type " + type, "POST", type, valid, 415));
        }
        broken.add(new Broken("JSON sent as multipart", "POST", "multipart/form-data; boundary=x", valid, 415));
        // Without a boundary the servlet container fails to parse the multipart body before any handler runs.
        broken.add(new Broken("multipart without a boundary", "POST", "multipart/form-data", valid, 400));
        broken.add(new Broken("no content type", "POST", null, valid, 415));
        for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
            broken.add(new Broken("method " + method, method, "application/json", valid, 405));
        }
        return broken;
    }

    private static void assertProblem(Reply reply, int status) {
        assertThat(reply.status()).as("status of %s", reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(INTERNAL.matcher(reply.body()).find()).as("internal detail in %s", reply.body()).isFalse();
    }

    /** The answer is declared in the yaml for {@code POST /v1/decisions}, body and headers, as a generated client expects. */
    private static void assertDeclared(Reply reply) {
        assertThat(Contract.get().violations("POST", "/v1/decisions", reply)).as("answer %s", reply.body()).isEmpty();
    }

    private static JsonNode remove(ObjectNode body, String path) {
        ObjectNode node = body;
        String[] steps = path.split("\\.");
        for (int i = 0; i < steps.length - 1; i++) {
            node = (ObjectNode) node.get(steps[i]);
        }
        node.remove(steps[steps.length - 1]);
        return body;
    }
}
