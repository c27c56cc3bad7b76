package com.shopcare.complaints.service.decision;

import com.shopcare.complaints.service.ServiceClient;
import com.shopcare.complaints.service.ServiceClient.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadRequestTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    JsonMapper requestMapper;

    ServiceClient client;

    @BeforeEach
    void connect() {
        client = new ServiceClient(port);
    }

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                arguments("malformed JSON", "{\"complaintId\": \"C-1\",", "$"),
                arguments("not an object", "[1, 2]", "$"),
                arguments("empty body", "", "$"),
                arguments("wrong JSON type for an object", json(Requests.with("complaint", "\"broken\"")), "complaint"),
                arguments("number as a string", json(Requests.with("complaint.contactCount", "\"2\"")), "complaint.contactCount"),
                arguments("fraction for a count", json(Requests.with("complaint.contactCount", "2.5")), "complaint.contactCount"),
                arguments("string for a boolean", json(Requests.with("complaint.isPublic", "\"true\"")), "complaint.isPublic"),
                arguments("amount as a JSON number", json(Requests.with("order.value", "249.90")), "order.value"),
                arguments("missing issue type", json(Requests.without("complaint.issueType")), "complaint.issueType"),
                arguments("missing responsibility", json(Requests.without("complaint.responsibility")), "complaint.responsibility"),
                arguments("missing channel", json(Requests.without("complaint.channel")), "complaint.channel"),
                arguments("missing emotion", json(Requests.without("complaint.emotion")), "complaint.emotion"),
                arguments("missing order value", json(Requests.without("order.value")), "order.value"),
                arguments("missing currency", json(Requests.without("order.currency")), "order.currency"),
                arguments("missing tier", json(Requests.without("customer.tier")), "customer.tier"),
                arguments("missing complaint id", json(Requests.without("complaintId")), "complaintId"),
                arguments("missing complaint", json(Requests.without("complaint")), "complaint"),
                arguments("enum in lower case", json(Requests.with("complaint.emotion", "\"angry\"")), "complaint.emotion"),
                arguments("unknown enum value", json(Requests.with("complaint.issueType", "\"LOST\"")), "complaint.issueType"),
                arguments("misspelt field", json(Requests.with("complaint.isPublik", "true")), "complaint.isPublik"),
                arguments("unknown top-level field", json(Requests.with("priority", "1")), "priority"),
                arguments("negative delay", json(Requests.with("complaint.delayDays", "-1")), "complaint.delayDays"),
                arguments("negative compensations", json(Requests.with("customer.compensationsLast90Days", "-1")), "customer.compensationsLast90Days"),
                arguments("negative reach", json(Requests.with("customer.publicReach", "-5")), "customer.publicReach"),
                arguments("negative days since delivery", json(Requests.with("complaint.daysSinceDelivery", "-2")), "complaint.daysSinceDelivery"),
                arguments("zero contacts", json(Requests.with("complaint.contactCount", "0")), "complaint.contactCount"),
                arguments("zero order value", json(Requests.with("order.value", "\"0.00\"")), "order.value"),
                arguments("negative order value", json(Requests.with("order.value", "\"-10.00\"")), "order.value"),
                arguments("non-numeric amount", json(Requests.with("order.shippingCost", "\"free\"")), "order.shippingCost"),
                arguments("three decimals in EUR", json(Requests.with("order.value", "\"249.901\"")), "order.value"),
                arguments("unknown currency", json(Requests.with("order.currency", "\"ABC\"")), "order.currency"),
                arguments("currency in lower case", json(Requests.with("order.currency", "\"eur\"")), "order.currency"),
                arguments("currency without a minor unit", json(Requests.with("order.currency", "\"XAU\"")), "order.currency"),
                arguments("affected value above order value", json(Requests.with("order.affectedValue", "\"250.00\"")), "order.affectedValue"),
                arguments("incident without a level", json(Requests.with("incident", "{\"id\": \"INC-7\"}")), "incident.goodwillLevel"),
                arguments("incident without an id", json(Requests.with("incident", "{\"goodwillLevel\": \"HIGH\"}")), "incident.id"),
                arguments("complaint id with a space", json(Requests.with("complaintId", "\"C 1001\"")), "complaintId"),
                arguments("complaint id too long", json(Requests.with("complaintId", "\"" + "C".repeat(65) + "\"")), "complaintId"),
                arguments("trailing garbage", Requests.DOCUMENTED_EXAMPLE + "}", "$"),
                // A proxy in front of the service may read the other value of a field sent twice.
                arguments("a field sent twice", Requests.DOCUMENTED_EXAMPLE.replace("\"shopId\": \"shop-eu-1\",",
                        "\"shopId\": \"shop-eu-1\", \"shopId\": \"shop-b\","), "shopId"),
                arguments("a nested field sent twice", Requests.DOCUMENTED_EXAMPLE.replace("\"emotion\": \"ANGRY\",",
                        "\"emotion\": \"ANGRY\", \"emotion\": \"CALM\","), "complaint.emotion"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void invalidRequestIsRefusedNamingTheField(String description, String body, String field) {
        Reply reply = client.post("/v1/decisions", "application/json", body);

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").valueStream().map(error -> error.get("field").asString())).contains(field);
        assertNothingInternal(reply);
    }

    @Test
    void everyOffendingFieldIsNamedAtOnce() {
        var body = Requests.without("complaint.issueType");
        body.withObject("customer").remove("tier");
        body.withObject("complaint").put("contactCount", 0);

        Reply reply = client.postJson("/v1/decisions", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").valueStream().map(error -> error.get("field").asString()))
                .containsExactlyInAnyOrder("complaint.issueType", "complaint.contactCount", "customer.tier");
    }

    @Test
    void everyFieldJacksonCannotBindIsNamedAtOnce() {
        var body = Requests.with("complaint.emotion", "\"angry\"");
        body.withObject("complaint").put("isPublik", true).put("contactCount", "two");
        body.withObject("order").put("value", 249.90);
        body.put("complaintId", "C 1001");

        Reply reply = client.postJson("/v1/decisions", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").valueStream().map(error -> error.get("field").asString()))
                .containsExactlyInAnyOrder("complaintId", "complaint.contactCount", "complaint.emotion",
                        "complaint.isPublik", "order.value");
        assertNothingInternal(reply);
    }

    @Test
    void thousandsOfUnknownFieldsAreAnsweredWithTwentyNamedAndTheRestCounted() {
        var body = Requests.documentedExample();
        for (int i = 0; i < 5_000; i++) {
            body.put("x" + i, 1);
        }

        Reply reply = client.postJson("/v1/decisions", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors")).hasSize(21);
        assertThat(reply.json().at("/errors/20/message").asString()).startsWith("4980 more invalid field(s) not listed");
        // The answer stays small: naming all 5,000 made it ten times the 50 KB request.
        assertThat(reply.body().length()).isLessThan(4_000);
    }

    @Test
    void unknownEnumValueListsTheAllowedOnes() {
        Reply reply = client.postJson("/v1/decisions", Requests.with("complaint.emotion", "\"angry\""));

        assertThat(reply.json().at("/errors/0/message").asString()).contains("CALM", "UPSET", "ANGRY", "FURIOUS");
    }

    @Test
    void amountsFollowTheCurrencysDecimals() {
        var yen = Requests.documentedExample();
        yen.withObject("order").put("currency", "JPY").put("value", "2499.5").put("affectedValue", "1999")
                .put("shippingCost", "490");
        var dinar = Requests.documentedExample();
        dinar.withObject("order").put("currency", "KWD").put("value", "24.990").put("affectedValue", "19.990")
                .put("shippingCost", "0.490");

        Reply yenReply = client.postJson("/v1/decisions", yen);
        Reply dinarReply = client.postJson("/v1/decisions", dinar);

        assertThat(yenReply.status()).isEqualTo(400);
        assertThat(yenReply.json().at("/errors/0/field").asString()).isEqualTo("order.value");
        assertThat(yenReply.json().at("/errors/0/message").asString()).contains("JPY", "0 decimals");
        assertThat(dinarReply.status()).isEqualTo(200);
    }

    @Test
    void wrongContentTypeIsUnsupportedMediaType() {
        Reply reply = client.post("/v1/decisions", "text/plain", Requests.DOCUMENTED_EXAMPLE);

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertNothingInternal(reply);
    }

    @Test
    void bodyOverTheLimitIsTooLarge() {
        String huge = "{\"complaintId\": \"" + "x".repeat(70 * 1024) + "\"}";

        Reply reply = client.post("/v1/decisions", "application/json", huge);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void chunkedBodyOverTheLimitIsTooLarge() {
        // Padded with whitespace, which the JSON parser reads on without complaint until the size limit stops it.
        byte[] huge = ("{\"complaintId\": \"C-1\"" + " ".repeat(70 * 1024) + "}").getBytes();
        // A publisher of unknown length makes the client send the body chunked, without a Content-Length.
        HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge)));

        Reply reply = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/decisions"))
                .header("Content-Type", "application/json").POST(chunked));

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void requestsAreReadWithinTheDocumentedSizeLimits() {
        tools.jackson.core.StreamReadConstraints limits = requestMapper.tokenStreamFactory().streamReadConstraints();

        assertThat(limits.getMaxNestingDepth()).isEqualTo(32);
        assertThat(limits.getMaxStringLength()).isEqualTo(10_000);
        assertThat(limits.getMaxNumberLength()).isEqualTo(30);
    }

    @Test
    void bodyNestedDeeperThanTheLimitIsRefused() {
        String deep = "{\"a\":".repeat(40) + "1" + "}".repeat(40);

        Reply reply = client.post("/v1/decisions", "application/json", deep);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertNothingInternal(reply);
    }

    @Test
    void unknownPathIsAProblemToo() {
        Reply reply = client.get("/v1/nothing-here");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
    }

    private static String json(Object node) {
        return JSON.writeValueAsString(node);
    }

    private static void assertNothingInternal(Reply reply) {
        for (String internal : List.of("com.shopcare", "tools.jackson", "java.", "jakarta.", "org.springframework",
                "Exception", "\tat ")) {
            assertThat(reply.body()).as("response body must not mention %s", internal).doesNotContain(internal);
        }
    }
}
