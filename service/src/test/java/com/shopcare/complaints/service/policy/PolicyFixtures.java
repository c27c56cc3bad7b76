package com.shopcare.complaints.service.policy;

import com.shopcare.complaints.check.Drafts;
import com.shopcare.complaints.service.ServiceClient;
import com.shopcare.complaints.service.ServiceClient.Part;
import com.shopcare.complaints.service.ServiceClient.Reply;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps of publishing through the admin API, for the tests about replicas, restarts and load. */
final class PolicyFixtures {

    private PolicyFixtures() {
    }

    static String activeVersion(ServiceClient admin) {
        return admin.get("/v1/policy/versions").json().get("active").asString();
    }

    /** The upload of these files (name to text), as parts named {@code files}. */
    static List<Part> upload(Map<String, String> files) {
        return new TreeMap<>(files).entrySet().stream()
                .map(file -> new Part("files", file.getKey(), Drafts.bytes(file.getValue()))).toList();
    }

    /** The MEDIUM voucher at {@code percent} %, with the examples that pin it updated. */
    static List<Part> mediumVoucher(int percent) {
        return upload(Drafts.mediumVoucherWithExamples(percent));
    }

    /** Drafts the MEDIUM voucher at {@code percent} % and publishes it; returns the new version's id. */
    static String publishMediumVoucher(ServiceClient admin, int percent) {
        Reply draft = admin.postMultipart("/v1/policy/drafts", mediumVoucher(percent));
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        Reply published = admin.post("/v1/policy/drafts/" + draft.json().get("draftId").asString() + "/publish",
                "application/json", "{\"comment\": \"MEDIUM voucher " + percent + " %\"}");
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        return published.json().get("versionId").asString();
    }

    static void activate(ServiceClient admin, String version) {
        Reply activated = admin.post("/v1/policy/versions/" + version + "/activate", "application/json", "");
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
    }
}
