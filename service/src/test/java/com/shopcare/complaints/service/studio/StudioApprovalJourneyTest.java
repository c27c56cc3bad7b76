package com.shopcare.complaints.service.studio;

import com.shopcare.complaints.service.ServiceInstance;
import com.shopcare.complaints.service.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four eyes in the Studio (approvals required): the author checks a draft and cannot publish it, nor approve it;
 * a second admin, in a browser of their own, approves it with a comment; the author publishes, and the history
 * shows both names and both comments.
 */
class StudioApprovalJourneyTest {

    @TempDir
    Path store;

    @Test
    void theAuthorWaitsForASecondAdminsApprovalThenPublishesAndTheHistoryShowsBoth() {
        try (ServiceInstance service = ServiceInstance.start(store, "--decision.policy.check-sample-size=500",
                "--decision.policy.approvals-required=1");
             StudioBrowser author = StudioBrowser.open(service.port());
             StudioBrowser reviewer = StudioBrowser.open(service.port())) {
            String release = service.admin().get("/v1/policy/versions").json().get("active").asString();
            try {
                signIn(author, TestKeys.ADMIN);
                author.find("#nav-tables").click();
                new Select(author.find("#table-picker")).selectByValue("Remedies.dmn");
                WebElement annotation = author.find("#annotations input[id^='annotation-']");
                String annotationId = annotation.getAttribute("id");
                annotation.click();
                annotation.sendKeys(Keys.END, " (reworded after the review)", Keys.TAB);
                // A second table in the same draft.
                new Select(author.find("#table-picker")).selectByValue("Actions.dmn");
                author.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("annotations"), "Actions.dmn"));
                WebElement second = author.find("#annotations input[id^='annotation-']");
                second.click();
                second.sendKeys(Keys.END, " (reworded too)", Keys.TAB);
                author.waitFor(driver -> ((java.util.List<?>) author.script("return window.studio.dirtyFiles()")).size() == 2);
                author.find("#nav-check").click();
                author.find("#check").click();
                author.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("check-progress")), Duration.ofSeconds(5));
                author.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("check-progress")), Duration.ofSeconds(120));
                assertThat(author.find("#report-summary").getText()).contains("passed the check");

                author.find("#nav-publish").click();
                assertThat(author.find("#publish").isEnabled()).isFalse();
                assertThat(author.find("#publish-blocked").getText()).contains("approval");
                author.find("#approval-comment").sendKeys("my own");
                author.find("#approve").click();
                assertThat(author.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("message"))).getText())
                        .containsIgnoringCase("another admin").doesNotContain("{");

                signIn(reviewer, TestKeys.SECOND_ADMIN);
                reviewer.find("#nav-publish").click();
                assertThat(reviewer.find("#awaiting-approval").getText()).contains("by ops").contains("Remedies.dmn")
                        .contains("Actions.dmn");
                reviewer.find("#approval-comment").sendKeys("Read the new wording; fine for the agents");
                reviewer.find("#approve").click();
                reviewer.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "pprove"));

                author.find("#nav-history").click();
                author.find("#nav-publish").click();
                author.waitFor(ExpectedConditions.elementToBeClickable(By.id("publish")));
                assertThat(author.find("#publish-status").getText()).contains("Approved by lead");
                author.find("#publish-comment").sendKeys("Remedies: clearer wording for the agents");
                author.find("#publish").click();
                author.waitFor(driver -> !activeVersion(service).equals(release), Duration.ofSeconds(30));

                author.find("#nav-history").click();
                String published = activeVersion(service);
                WebElement row = author.find("#history tr[data-version='" + published + "']");
                assertThat(row.getText()).contains("ops").contains("lead")
                        .contains("Remedies: clearer wording for the agents").contains("Read the new wording; fine for the agents");
                JsonNode version = service.admin().get("/v1/policy/versions").json().get("versions").get(1);
                assertThat(version.get("approval").get("approvedBy").asString()).isEqualTo("lead");
                assertThat(service.admin().get("/v1/policy/versions/" + published + "/files/Remedies.dmn").body())
                        .contains("(reworded after the review)</text>");
                assertThat(service.admin().get("/v1/policy/versions/" + published + "/files/Actions.dmn").body())
                        .contains("(reworded too)</text>");
                assertThat(annotationId).startsWith("annotation-");
            } finally {
                author.screenshot("approvalJourney-author");
                reviewer.screenshot("approvalJourney-reviewer");
            }
        }
    }

    private static void signIn(StudioBrowser browser, String key) {
        browser.go("/studio/");
        browser.find("#admin-key").sendKeys(key);
        browser.find("#sign-in").click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("active-version"), "20"));
    }

    private static String activeVersion(ServiceInstance service) {
        return service.admin().get("/v1/policy/versions").json().get("active").asString();
    }
}
