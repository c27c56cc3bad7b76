package com.shopcare.complaints.service.access;

import com.shopcare.complaints.service.ServiceClient;
import com.shopcare.complaints.service.ServiceClient.Reply;
import com.shopcare.complaints.service.TestKeys;
import com.shopcare.complaints.service.decision.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessTest {

    @LocalServerPort
    int port;

    @Test
    void requestWithoutKeyIsUnauthorized() {
        Reply reply = new ServiceClient(port, null).post("/v1/decisions", "application/json", Requests.DOCUMENTED_EXAMPLE);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(reply.json().get("title").asString()).isEqualTo("Not authenticated");
    }

    @Test
    void unknownKeyIsUnauthorized() {
        Reply reply = new ServiceClient(port, "not-a-configured-key")
                .post("/v1/decisions", "application/json", Requests.DOCUMENTED_EXAMPLE);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void keyOfAnotherShopIsForbidden() {
        // The documented example is about shop-eu-1; shop-b's key must not get its decisions.
        Reply reply = new ServiceClient(port, TestKeys.SHOP_B)
                .post("/v1/decisions", "application/json", Requests.DOCUMENTED_EXAMPLE);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.json().get("detail").asString()).contains("shop-b", "shop-eu-1");
    }

    @Test
    void requestWithoutShopIdIsDecidedForTheKeysShop() {
        Reply reply = new ServiceClient(port, TestKeys.SHOP_B)
                .postJson("/v1/decisions", Requests.without("shopId"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("shopId").asString()).isEqualTo("shop-b");
    }

    @Test
    void shopKeyCannotOpenThePolicyOrTheOperatorEndpoints() {
        ServiceClient shop = new ServiceClient(port, TestKeys.SHOP_EU_1);

        for (String path : new String[] {"/v1/policy", "/actuator/prometheus", "/actuator/metrics"}) {
            Reply reply = shop.get(path);
            assertThat(reply.status()).as(path).isEqualTo(403);
            assertThat(reply.contentType()).as(path).isEqualTo("application/problem+json");
        }
    }

    @Test
    void adminKeyOpensThePolicyAndTheOperatorEndpointsButDecidesNothing() {
        ServiceClient admin = new ServiceClient(port, TestKeys.ADMIN);

        assertThat(admin.get("/v1/policy").status()).isEqualTo(200);
        assertThat(admin.get("/actuator/prometheus").status()).isEqualTo(200);
        Reply decision = admin.post("/v1/decisions", "application/json", Requests.DOCUMENTED_EXAMPLE);
        assertThat(decision.status()).isEqualTo(403);
        assertThat(decision.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void metricsKeyReadsTheMetricsAndNothingElse() {
        ServiceClient scraper = new ServiceClient(port, TestKeys.METRICS);

        Reply metrics = scraper.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("policy_active", "jvm_memory_used_bytes");
        for (String path : new String[] {"/v1/policy", "/v1/policy/versions", "/actuator/metrics"}) {
            assertThat(scraper.get(path).status()).as(path).isEqualTo(403);
        }
        assertThat(scraper.post("/v1/policy/drafts/d-x/publish", "application/json", "{\"comment\": \"x\"}").status())
                .isEqualTo(403);
        assertThat(scraper.post("/v1/decisions", "application/json", Requests.DOCUMENTED_EXAMPLE).status()).isEqualTo(403);
    }

    @Test
    void healthNeedsNoKeyAndShowsOnlyTheStatusWithoutAnAdminKey() {
        for (String key : new String[] {null, TestKeys.SHOP_EU_1}) {
            Reply reply = new ServiceClient(port, key).get("/actuator/health");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().get("status").asString()).isEqualTo("UP");
            // The disk's size, the store's path and the components are for operators only.
            assertThat(reply.json().propertyNames()).doesNotContain("components", "details");
            assertThat(reply.body()).doesNotContain("diskSpace", "path", "policyVersion");
        }
    }

    @Test
    void healthShowsItsDetailsToAnAdminKey() {
        Reply reply = new ServiceClient(port, TestKeys.ADMIN).get("/actuator/health");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().at("/components/diskSpace/details/path").isMissingNode()).isFalse();
        assertThat(reply.json().at("/components/policy/status").asString()).isEqualTo("UP");
    }

    @Test
    void problemNamesTheCorrelationIdTheResponseCarries() {
        Reply reply = new ServiceClient(port, null).post("/v1/decisions", "application/json", Requests.DOCUMENTED_EXAMPLE);

        assertThat(reply.header("X-Correlation-Id")).isNotBlank();
        assertThat(reply.json().get("correlationId").asString()).isEqualTo(reply.header("X-Correlation-Id"));
    }

    @Test
    void callersCorrelationIdIsKeptButOnlyWhenItIsAPlainToken() {
        ServiceClient client = new ServiceClient(port, null);
        HttpRequest.Builder plain = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/policy"))
                .header("X-Correlation-Id", "shop-trace-42").GET();
        HttpRequest.Builder forged = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/policy"))
                .header("X-Correlation-Id", "x\" level=ERROR").GET();

        assertThat(client.send(plain).json().get("correlationId").asString()).isEqualTo("shop-trace-42");
        assertThat(client.send(forged).json().get("correlationId").asString()).doesNotContain("ERROR").isNotBlank();
    }
}
