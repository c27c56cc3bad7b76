package com.shopcare.complaints.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.shopcare.complaints.client.api.DecisionsApi;
import com.shopcare.complaints.client.api.PolicyApi;
import com.shopcare.complaints.client.model.Channel;
import com.shopcare.complaints.client.model.ComplaintDetails;
import com.shopcare.complaints.client.model.CurrencyCode;
import com.shopcare.complaints.client.model.Customer;
import com.shopcare.complaints.client.model.DecisionOption;
import com.shopcare.complaints.client.model.DecisionRequest;
import com.shopcare.complaints.client.model.DecisionResponse;
import com.shopcare.complaints.client.model.Emotion;
import com.shopcare.complaints.client.model.EscalationPath;
import com.shopcare.complaints.client.model.FieldError;
import com.shopcare.complaints.client.model.Incident;
import com.shopcare.complaints.client.model.IssueType;
import com.shopcare.complaints.client.model.Level;
import com.shopcare.complaints.client.model.OptionType;
import com.shopcare.complaints.client.model.Order;
import com.shopcare.complaints.client.model.Problem;
import com.shopcare.complaints.client.model.Responsibility;
import com.shopcare.complaints.client.model.Tier;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The generated client against the packaged service, started once for these tests as a separate process. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ClientAgainstRunningServiceTest {

    private static final Path SERVICE_JAR = Path.of("../../service/target/complaint-decisions.jar");
    private static final Path MEDIUM_COMPLAINT = Path.of("../../docs/examples/complaint-medium.json");
    private static final Path SHIPPED_COMPENSATION_TABLE = Path.of("../../rules/src/main/resources/policy/Compensation.dmn");
    private static final String PROBLEMS = "https://shopcare.example/problems/";

    /** Requests a shop may send at once; then 1 a second. Small, so that the 429 comes after a few requests. */
    private static final int BURST = 5;

    private static final String SHOP_KEY = randomKey();
    /** A shop of its own for the 429, so that the other tests' requests do not use up its burst, nor it theirs. */
    private static final String BURST_SHOP_KEY = randomKey();
    private static final String ADMIN_KEY = randomKey();

    @TempDir
    static Path policyStore;

    private static RunningService service;

    @BeforeAll
    static void startService() throws IOException, InterruptedException {
        service = RunningService.start(
                SERVICE_JAR,
                Map.of("DECISION_API_KEYS", "shop-eu-1=" + sha256(SHOP_KEY) + ",shop-burst=" + sha256(BURST_SHOP_KEY),
                        "DECISION_ADMIN_KEYS", "lead=" + sha256(ADMIN_KEY)),
                List.of("--decision.policy.store=" + policyStore,
                        "--decision.rate-limit.requests-per-second=1",
                        "--decision.rate-limit.burst=" + BURST,
                        // The draft's check decides this many generated complaints instead of 10,000: seconds saved,
                        // and the "no changes" answer does not depend on it.
                        "--decision.policy.check-sample-size=500",
                        // Ready once compiled: the warm-up's 10-20 s of requests would only make the build longer.
                        "--decision.policy.warm-up=false"),
                Path.of("target/service-under-test.log"));
    }

    @AfterAll
    static void stopService() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void shopGetsDecisionForMediumComplaint() throws ApiException {
        String serviceUri = service.baseUri().toString();
        String shopKey = SHOP_KEY;

        // README begin: these lines are the client's README.md; ReadmeTest fails when the two differ.
        DecisionRequest complaint = new DecisionRequest()
                .complaintId("C-77")
                .complaint(new ComplaintDetails().issueType(IssueType.LATE_DELIVERY).responsibility(Responsibility.SHOP)
                        .channel(Channel.EMAIL).emotion(Emotion.ANGRY))
                .order(new Order().value("100.00").currency(CurrencyCode.EUR))
                .customer(new Customer().tier(Tier.REGULAR));

        ApiClient client = new ApiClient();
        client.updateBaseUri(serviceUri);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + shopKey));
        DecisionsApi decisions = new DecisionsApi(client);
        DecisionResponse decision = decisions.decide(complaint, null);
        // README end

        assertThat(decision.getComplaintId()).isEqualTo("C-77");
        assertThat(decision.getShopId()).isEqualTo("shop-eu-1");
        assertThat(decision.getDissatisfaction().getScore()).isEqualTo(30);
        assertThat(decision.getDissatisfaction().getLevel()).isEqualTo(Level.MEDIUM);
        assertThat(decision.getEscalation().getPath()).isEqualTo(EscalationPath.FRONTLINE_AGENT);
        // The main README: this complaint gets a voucher of 10 % under the shipped tables.
        assertThat(decision.getCompensation()).first().satisfies(option -> {
            assertThat(option.getType()).isEqualTo(OptionType.VOUCHER);
            assertThat(option.getPercent()).isEqualByComparingTo("10");
            assertThat(option.getAmount()).isEqualTo("10.00");
            assertThat(option.getRecommended()).isTrue();
        });
    }

    @Test
    void shopGetsTheDecisionTheReadmeShowsForItsSampleComplaint() throws ApiException {
        DecisionRequest sample = new DecisionRequest()
                .complaintId("C-1001")
                .complaint(new ComplaintDetails().issueType(IssueType.DEFECTIVE_PRODUCT)
                        .responsibility(Responsibility.SUPPLIER).channel(Channel.EMAIL).emotion(Emotion.ANGRY)
                        .contactCount(2).daysSinceDelivery(3))
                .order(new Order().value("249.90").currency(CurrencyCode.EUR).affectedValue("199.90").shippingCost("4.90"))
                .customer(new Customer().tier(Tier.LOYAL))
                .incident(new Incident().id("INC-7").goodwillLevel(Level.HIGH));

        DecisionResponse decision = new DecisionsApi(client(SHOP_KEY)).decide(sample, null);

        assertThat(decision.getDissatisfaction().getScore()).isEqualTo(60);
        assertThat(decision.getDissatisfaction().getLevel()).isEqualTo(Level.HIGH);
        assertThat(decision.getEscalation().getPath()).isEqualTo(EscalationPath.SENIOR_AGENT);
        assertThat(decision.getCompensation()).extracting(DecisionOption::getType)
                .containsExactly(OptionType.VOUCHER, OptionType.PARTIAL_REFUND);
        DecisionOption voucher = decision.getCompensation().get(0);
        assertThat(voucher.getPercent()).isEqualByComparingTo(new BigDecimal("25"));
        assertThat(voucher.getAmount()).isEqualTo("62.48");
        assertThat(voucher.getRecommended()).isTrue();
        assertThat(voucher.getRequiresApproval()).isFalse();
        assertThat(decision.getPolicyVersion()).matches("[0-9]{8}-[0-9]{6}-[0-9a-f]{12}");
    }

    @Test
    void invalidComplaintIsRefusedWithProblemNamingTheField() throws IOException {
        DecisionRequest invalid = new JSON().getMapper().readValue(MEDIUM_COMPLAINT.toFile(), DecisionRequest.class);
        invalid.getComplaint().setContactCount(0); // the yaml's minimum is 1; the client does not check it, the service does

        ApiException refused = assertThrows(ApiException.class,
                () -> new DecisionsApi(client(SHOP_KEY)).decide(invalid, null));

        assertThat(refused.getCode()).isEqualTo(400);
        Problem problem = problem(refused);
        assertThat(problem.getType()).isEqualTo(PROBLEMS + "invalid-request");
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getErrors()).extracting(FieldError::getField).containsExactly("complaint.contactCount");
        assertThat(problem.getCorrelationId()).isNotBlank();
    }

    @Test
    void shopBeyondItsBurstIsToldWhenToRetry() throws IOException {
        DecisionsApi decisions = new DecisionsApi(client(BURST_SHOP_KEY));
        DecisionRequest complaint = new JSON().getMapper().readValue(MEDIUM_COMPLAINT.toFile(), DecisionRequest.class);

        int accepted = 0;
        ApiException refused = null;
        // At most BURST + 1 accepted: one token comes back each second, so a slow machine may get one more in.
        while (refused == null && accepted <= BURST + 1) {
            try {
                decisions.decide(complaint, null);
                accepted++;
            } catch (ApiException e) {
                refused = e;
            }
        }

        assertThat(refused).as("a refusal after %d accepted requests", accepted).isNotNull();
        assertThat(accepted).isBetween(BURST, BURST + 1);
        assertThat(refused.getCode()).isEqualTo(429);
        assertThat(refused.getResponseHeaders().firstValue("Retry-After"))
                .hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        Problem problem = problem(refused);
        assertThat(problem.getType()).isEqualTo(PROBLEMS + "rate-limited");
        assertThat(problem.getStatus()).isEqualTo(429);
        assertThat(problem.getCorrelationId()).isNotBlank();
    }

    @Test
    void adminUploadsATableWithoutPastComplaintsAndGetsTheCheckAnswer() throws IOException {
        PolicyApi policy = new PolicyApi(client(ADMIN_KEY));
        File unchanged = SHIPPED_COMPENSATION_TABLE.toFile();

        // The generator's own template threw IllegalArgumentException here, before sending, for the null part.
        ApiException refused = assertThrows(ApiException.class, () -> policy.createDraft(List.of(unchanged), null));

        assertThat(refused.getCode()).isEqualTo(422);
        Problem problem = problem(refused);
        assertThat(problem.getType()).isEqualTo(PROBLEMS + "policy-check-failed");
        assertThat(problem.getDraftId()).isNotBlank();
        assertThat(problem.getCheckErrors()).singleElement().asString().startsWith("no changes: ");
    }

    private static ApiClient client(String key) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(service.baseUri().toString());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + key));
        return client;
    }

    private static Problem problem(ApiException e) throws IOException {
        return new JSON().getMapper().readValue(e.getResponseBody(), Problem.class);
    }

    private static String randomKey() {
        byte[] key = new byte[24];
        new SecureRandom().nextBytes(key);
        return HexFormat.of().formatHex(key);
    }

    /** The service is configured with the lower-case hex SHA-256 of each key, never the key. */
    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
