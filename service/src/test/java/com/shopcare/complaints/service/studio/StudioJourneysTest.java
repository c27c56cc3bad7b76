package com.shopcare.complaints.service.studio;

import com.shopcare.complaints.service.ServiceClient;
import com.shopcare.complaints.service.ServiceInstance;
import com.shopcare.complaints.service.TestKeys;
import com.shopcare.complaints.service.decision.Answers;
import com.shopcare.complaints.service.decision.Requests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer-service lead's journeys through the Policy Studio, in Debian's Chromium against a real service on a
 * real port: a session without a key, an overlap edit that cannot go live, and the MEDIUM voucher 10 % -> 12 % from
 * sign-in to publish (the cell edited in the KIE editor, the examples in the scenario grid), then a rollback from the
 * history. Each journey's last screen is saved under target/studio-screenshots/, passed or failed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StudioJourneysTest {

    @TempDir
    static Path store;
    /** What the lead uploads from their own machine. */
    @TempDir
    static Path downloads;
    private static ServiceInstance service;
    private static ServiceClient shop;
    private static String release;
    private StudioBrowser browser;
    private String journey;

    @BeforeAll
    static void start() {
        service = ServiceInstance.start(store, "--decision.policy.check-sample-size=1000");
        shop = service.shop();
        release = service.admin().get("/v1/policy/versions").json().get("active").asString();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @BeforeEach
    void openBrowser(TestInfo test) {
        browser = StudioBrowser.open(service.port());
        journey = test.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void saveLastScreen() {
        try {
            browser.screenshot(journey);
        } finally {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void aSessionWithoutAKeyShowsTheSignInAndNoData() {
        browser.go("/studio/");

        WebElement key = browser.find("#admin-key");
        assertThat(key.getAttribute("type")).isEqualTo("password");
        assertThat(browser.driver().findElement(By.id("workspace")).isDisplayed()).isFalse();
        assertThat(browser.driver().findElement(By.id("active-version")).isDisplayed()).isFalse();
        assertThat(browser.console()).as("no API call without a key, nothing refused").noneMatch(line ->
                line.contains("/v1/") || line.contains("Content Security Policy"));

        key.sendKeys("not-an-admin-key");
        browser.find("#sign-in").click();

        WebElement message = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("message")));
        assertThat(message.getText()).containsIgnoringCase("admin key").doesNotContain("{").doesNotContain("401");
        assertThat(browser.driver().findElement(By.id("workspace")).isDisplayed()).isFalse();
    }

    @Test
    @Order(2)
    void signingInShowsTheActiveVersionAndSigningOutForgetsTheKey() {
        signIn();

        assertThat(browser.find("#active-version").getText()).contains(release).contains("release");
        assertThat(browser.script("return sessionStorage.length")).isEqualTo(1L);

        browser.find("#sign-out").click();

        browser.find("#admin-key");
        assertThat(browser.script("return sessionStorage.length")).isEqualTo(0L);
        assertThat(browser.driver().findElement(By.id("workspace")).isDisplayed()).isFalse();
        browser.driver().navigate().refresh();
        browser.find("#admin-key");
        assertThat(browser.driver().findElement(By.id("workspace")).isDisplayed()).isFalse();
    }

    @Test
    @Order(3)
    void everyControlHasALabelAndAnExampleIsChangedAndCheckedByKeyboardAlone() {
        browser.go("/studio/");
        browser.find("#admin-key").sendKeys(TestKeys.ADMIN, Keys.ENTER);
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("active-version"), release));
        // Each section opened with Enter on its button; the editor's own controls are the editor's.
        for (String section : List.of("nav-tables", "nav-scenarios", "nav-check", "nav-changes", "nav-try",
                "nav-publish", "nav-history")) {
            browser.find("#" + section).sendKeys(Keys.ENTER);
            assertThat(unlabelledControls()).as("controls without a label after %s", section).isEmpty();
        }

        // From the history back to the scenarios, a file picked by typing, a cell changed, and the draft checked:
        // only Tab, Shift+Tab, typing and Enter.
        tabTo("nav-scenarios").sendKeys(Keys.ENTER);
        WebElement picker = tabTo("scenario-picker");
        Select files = new Select(picker);
        int steps = files.getOptions().stream().map(option -> option.getAttribute("value")).toList()
                .indexOf("P9-loyalty.feature") - files.getOptions().indexOf(files.getFirstSelectedOption());
        for (int i = 0; i < Math.abs(steps); i++) {
            picker.sendKeys(steps > 0 ? Keys.ARROW_DOWN : Keys.ARROW_UP);
        }
        picker.sendKeys(Keys.TAB);
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#scenario-grid input[aria-label='voucher at line 36']")));
        WebElement cell = tabTo(By.cssSelector("#scenario-grid input[aria-label='voucher at line 36']"));
        cell.sendKeys(Keys.chord(Keys.CONTROL, "a"), "11", Keys.TAB);
        assertThat(dirtyFiles()).containsExactly("P9-loyalty.feature");
        tabTo("nav-check").sendKeys(Keys.ENTER);
        tabTo("check").sendKeys(Keys.ENTER);
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("check-progress")), Duration.ofSeconds(5));
        browser.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("check-progress")), Duration.ofSeconds(120));

        assertThat(browser.find("#failing-examples").getText()).contains("P9-loyalty.feature").contains("36");
        tabTo("nav-publish").sendKeys(Keys.ENTER);
        assertThat(browser.find("#publish").isEnabled()).isFalse();
        assertThat(browser.find("#publish-blocked").getText()).contains("error");
    }

    @Test
    @Order(4)
    void anOverlapEditIsRefusedNamingTheRowsAndPublishIsDisabled() {
        signIn();
        openTable("Dissatisfaction.dmn", "Dissatisfaction Level");

        editCell(cellWithText("[25..50)"), "[25..50]");
        check();

        assertThat(browser.find("#report-errors").getText()).contains("Dissatisfaction.dmn").contains("[2, 3]");
        browser.find("#nav-publish").click();
        assertThat(browser.find("#publish").isEnabled()).isFalse();
        assertThat(browser.find("#publish-blocked").getText()).isNotBlank();
        assertThat(voucherPercent()).as("nothing went live").isEqualTo("10");
    }

    @Test
    @Order(5)
    void aScoreThatFallsWhenTheCustomerGetsAngrierShowsTheTwoComplaintsSideBySide() {
        signIn();
        openTable("Dissatisfaction.dmn", "Dissatisfaction Points");

        editCell(browser.driver().findElement(By.xpath("//tr[.//span[@data-ouia-component-id='editable-cell-raw-value'"
                + " and starts-with(text(), 'The customer is furious')]]//span[@data-ouia-component-id="
                + "'editable-cell-raw-value' and text()='30']/ancestor::div[contains(@class, 'editable-cell')][1]")), "5");
        check();

        WebElement violation = browser.find("#report article.violation");
        assertThat(violation.getText()).contains("Guarantee 2").contains("ANGRY").contains("FURIOUS");
        assertThat(violation.findElements(By.cssSelector(".side-by-side > div"))).hasSize(2);
        assertThat(browser.find("#report-errors").getText()).contains("invariant 2");
        assertThat(voucherPercent()).as("nothing went live").isEqualTo("10");
    }

    @Test
    @Order(6)
    void raisingTheMediumVoucherFromSignInToPublishThenRollingBackFromTheHistory() {
        signIn();
        openTable("Compensation.dmn", "Goodwill Options");
        WebElement percent = browser.driver().findElement(By.cssSelector(
                "tr._Compensation_rule_112 td[data-testid='kie-tools--bee--expression-column-7'] .editable-cell"));
        editCell(percent, "12");
        browser.driver().switchTo().defaultContent();
        typeOver(browser.find("#annotation-_Compensation_rule_112"),
                "MEDIUM dissatisfaction: a voucher of 12 % of the order value");
        assertThat(dirtyFiles()).contains("Compensation.dmn");
        assertThat(leavingIsWarned()).as("the page warns before unsaved edits are lost").isTrue();
        // Another table and back: the edit is still there, in the editor and in the annotation panel.
        new Select(browser.find("#table-picker")).selectByValue("Actions.dmn");
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("annotations"), "Actions.dmn"));
        new Select(browser.find("#table-picker")).selectByValue("Compensation.dmn");
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("annotation-_Compensation_rule_112-context"), "percent = 12"));
        assertThat(browser.find("#annotation-_Compensation_rule_112").getAttribute("value"))
                .isEqualTo("MEDIUM dissatisfaction: a voucher of 12 % of the order value");
        assertThat(new Select(browser.find("#table-picker")).getFirstSelectedOption().getText()).contains("(changed)");

        // Checked with the table alone, the seven examples that pin 10 % fail, each with an Edit that opens it.
        check();
        assertThat(browser.driver().findElements(By.cssSelector("#failing-examples article.failure"))).hasSize(7);
        assertThat(browser.find("#failing-examples").getText()).contains("P9-loyalty.feature").contains("12");
        browser.find("#nav-publish").click();
        assertThat(browser.find("#publish").isEnabled()).isFalse();
        assertThat(browser.find("#publish-blocked").getText()).isNotBlank();
        browser.find("#nav-check").click();
        browser.find("#failing-examples button[aria-label='Edit P8-guards.feature at line 59']").click();
        assertThat(new Select(browser.find("#scenario-picker")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("P8-guards.feature");
        assertThat(browser.find("#scenario-grid input[aria-label='voucher at line 59']").isDisplayed()).isTrue();

        setCell("voucher", 57, "1.20");
        setCell("voucher", 58, "1.20");
        setCell("voucher", 59, "12.00");
        setCell("voucher", 60, "120");
        setCell("voucher", 61, "1.200");
        pickScenarioFile("P9-loyalty.feature");
        setCell("voucher", 36, "12");
        setCell("voucher amount", 36, "12.00");
        setCell("voucher", 37, "22");
        setCell("voucher amount", 37, "22.00");
        assertThat(dirtyFiles()).containsExactlyInAnyOrder("Compensation.dmn", "P8-guards.feature", "P9-loyalty.feature");

        browser.find("#nav-check").click();
        browser.find("#past-complaints").sendKeys(pastComplaints().toString());
        check();

        assertThat(browser.find("#report-errors").getText()).isEqualTo("No errors.");
        assertThat(browser.find("#report-summary").getText()).contains("passed the check");
        // The README's picture of the Studio (docs/studio-check-report.png is a copy of this one): the whole report.
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1400, 3000));
        browser.screenshot("voucher-check-report");
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
        assertThat(browser.find("#impact").getText()).contains("EUR").contains("VOUCHER");
        assertThat(browser.driver().findElements(By.cssSelector("#money-chart"))).hasSize(1);
        assertThat(browser.find("#impact").getText()).as("the past complaints' impact too")
                .contains("past complaints").contains("10.00").contains("12.00");

        browser.find("#nav-changes").click();
        assertThat(browser.find("#changes").getText()).contains("Compensation.dmn")
                .contains("a voucher of 10 % of the order value").contains("a voucher of 12 % of the order value");

        browser.find("#nav-try").click();
        new Select(browser.find("#try-form select[name='emotion']")).selectByValue("ANGRY");
        browser.find("#decide").click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("try-draft"), "VOUCHER"));
        assertThat(browser.find("#try-active [data-part='Compensation']").getText()).contains("VOUCHER").contains("10");
        assertThat(browser.find("#try-draft [data-part='Compensation']").getText()).contains("VOUCHER").contains("12");
        assertThat(browser.find("#try-draft dd[data-part='Compensation']").getAttribute("class")).contains("differs");
        assertThat(browser.find("#try-draft dd[data-part='Escalation path']").getAttribute("class")).doesNotContain("differs");

        browser.find("#nav-publish").click();
        browser.find("#publish-comment").sendKeys("MEDIUM voucher 10 % -> 12 %, agreed with finance");
        browser.waitFor(ExpectedConditions.elementToBeClickable(By.id("publish"))).click();
        browser.waitFor(driver -> !activeVersion().equals(release), Duration.ofSeconds(30));
        assertThat(voucherPercent()).as("POST /v1/decisions after the publish").isEqualTo("12");
        String published = activeVersion();
        assertThat(service.admin().get("/v1/policy/versions/" + published + "/files/Compensation.dmn").body())
                .as("the annotation typed in the Studio's field, as written").contains(
                        "<text>MEDIUM dissatisfaction: a voucher of 12 % of the order value</text>");
        assertThat(leavingIsWarned()).as("nothing unsaved after the publish").isFalse();

        browser.find("#nav-changes").click();
        new Select(browser.find("#compare-from")).selectByValue(release);
        new Select(browser.find("#compare-to")).selectByValue(published);
        browser.find("#compare").click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("compare-result"), "Compensation.dmn"));
        assertThat(browser.find("#compare-result").getText()).contains("a voucher of 12 % of the order value")
                .contains("P9-loyalty.feature");

        browser.find("#nav-history").click();
        browser.find("#history tr[data-version='" + release + "'] button").click();
        WebElement confirm = browser.find("#confirm");
        assertThat(confirm.getText()).contains("Compensation.dmn").contains("12").contains("10");
        browser.find("#confirm-yes").click();
        browser.waitFor(driver -> activeVersion().equals(release), Duration.ofSeconds(30));
        assertThat(voucherPercent()).as("POST /v1/decisions after the rollback").isEqualTo("10");
        assertThat(browser.console()).noneMatch(line -> line.contains("Content Security Policy"));
    }

    @Test
    @Order(7)
    void anExampleRowIsAddedUnderItsTableAndRemovedAgain() {
        signIn();
        browser.find("#nav-scenarios").click();
        pickScenarioFile("P1-proportional-compensation.feature");
        WebElement table = browser.find("#scenario-grid div.examples");
        int rows = table.findElements(By.cssSelector("tbody tr")).size();
        String lastLine = table.findElement(By.cssSelector("tbody tr:last-child input")).getAttribute("data-line");

        table.findElement(By.cssSelector("button[data-add]")).click();

        WebElement grown = browser.waitFor(driver -> {
            WebElement now = browser.find("#scenario-grid div.examples");
            return now.findElements(By.cssSelector("tbody tr")).size() == rows + 1 ? now : null;
        });
        WebElement added = grown.findElement(By.cssSelector("tbody tr:last-child input"));
        assertThat(browser.driver().switchTo().activeElement()).as("the focus is in the new row").isEqualTo(added);
        assertThat(Integer.parseInt(added.getAttribute("data-line"))).isEqualTo(Integer.parseInt(lastLine) + 1);
        assertThat(dirtyFiles()).containsExactly("P1-proportional-compensation.feature");

        grown.findElement(By.cssSelector("tbody tr:last-child button")).click();

        browser.waitFor(driver -> browser.find("#scenario-grid div.examples").findElements(By.cssSelector("tbody tr")).size() == rows);
        assertThat(browser.find("#scenario-grid div.examples").findElement(By.cssSelector("tbody tr:last-child input"))
                .getAttribute("data-line")).isEqualTo(lastLine);
    }

    private void signIn() {
        browser.go("/studio/");
        browser.find("#admin-key").sendKeys(TestKeys.ADMIN);
        browser.find("#sign-in").click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("active-version"), "20"));
    }

    /** Picks the table, and opens the decision's table in the KIE editor (its node in the diagram, then Edit). */
    private void openTable(String file, String decision) {
        browser.find("#nav-tables").click();
        new Select(browser.find("#table-picker")).selectByValue(file);
        WebElement frame = browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#dmn-editor iframe")));
        browser.driver().switchTo().frame(frame);
        // The whole diagram in view first: a node below the fold cannot be clicked. Then the node by its corner: an
        // edge drawn across its name would take a click on the name.
        browser.waitFor(ExpectedConditions.elementToBeClickable(By.cssSelector(".react-flow__controls-fitview"))).click();
        WebElement name = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//*[local-name()='span' and normalize-space(text())='" + decision + "']")));
        // Fitting the view is animated: the node is clicked once it has stopped moving.
        org.openqa.selenium.Rectangle[] seen = {null};
        browser.waitFor(driver -> {
            org.openqa.selenium.Rectangle now = name.getRect();
            boolean still = now.equals(seen[0]);
            seen[0] = now;
            return still;
        });
        try {
            name.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException edgeAcrossTheName) {
            // An edge of the diagram drawn across the node's name takes the pointer; the click goes to the name.
            browser.script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", name);
        }
        browser.waitFor(ExpectedConditions.elementToBeClickable(By.xpath("//span[normalize-space(text())='Edit']"))).click();
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("td .editable-cell")));
    }

    private WebElement cellWithText(String text) {
        return browser.driver().findElement(By.xpath("//span[@data-ouia-component-id='editable-cell-raw-value' and text()='"
                + text + "']/ancestor::div[contains(@class, 'editable-cell')][1]"));
    }

    /** As a lead does in the KIE editor: a double click opens the cell's FEEL editor, Tab commits it. */
    private void editCell(WebElement cell, String text) {
        new Actions(browser.driver()).doubleClick(cell).perform();
        new Actions(browser.driver()).pause(Duration.ofMillis(300))
                .keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL)
                .sendKeys(text).sendKeys(Keys.TAB).perform();
        browser.driver().switchTo().defaultContent();
        browser.waitFor(driver -> !dirtyFiles().isEmpty());
    }

    private void pickScenarioFile(String file) {
        new Select(browser.find("#scenario-picker")).selectByValue(file);
        browser.find("#scenario-grid input[data-line]");
    }

    private void setCell(String column, int line, String value) {
        typeOver(browser.find("#scenario-grid input[aria-label='" + column + " at line " + line + "']"), value);
    }

    /** As a lead replaces a field's text: into the field, select all, type, and on to the next field. */
    private void typeOver(WebElement field, String text) {
        field.click();
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), text, Keys.TAB);
    }

    private void check() {
        browser.driver().switchTo().defaultContent();
        browser.find("#nav-check").click();
        browser.find("#check").click();
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("check-progress")), Duration.ofSeconds(5));
        // The report of an earlier check stays on screen until this one is done.
        browser.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("check-progress")), Duration.ofSeconds(120));
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("report")), Duration.ofSeconds(5));
    }

    /** Two past complaints, one of them MEDIUM on 100.00 EUR, as a lead exports them from the shop's tickets. */
    private static Path pastComplaints() {
        try {
            return java.nio.file.Files.writeString(downloads.resolve("past-complaints-november.csv"), """
                    issue type,responsibility,channel,emotion,order value,currency,tier
                    LATE_DELIVERY,SHOP,EMAIL,ANGRY,100.00,EUR,REGULAR
                    DEFECTIVE_PRODUCT,CUSTOMER,PHONE,CALM,40.00,EUR,NEW
                    """);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Moves the focus with Tab (or Shift+Tab, when Tab does not get there) until it is on the element with this id,
     * as a keyboard user does; fails when the element cannot be reached so.
     */
    private WebElement tabTo(String id) {
        return tabTo(By.id(id));
    }

    private WebElement tabTo(By target) {
        WebElement wanted = browser.find(target);
        // Backwards when the element comes before the focus in the page, as a keyboard user would go.
        boolean before = (Boolean) browser.script("return !!(document.activeElement.compareDocumentPosition(arguments[0])"
                + " & Node.DOCUMENT_POSITION_PRECEDING)", wanted);
        String press = before ? Keys.chord(Keys.SHIFT, Keys.TAB) : Keys.TAB.toString();
        for (int presses = 0; presses < 300; presses++) {
            WebElement focused = browser.driver().switchTo().activeElement();
            if (focused.equals(wanted)) {
                return focused;
            }
            // To whatever has the focus, as a keyboard does: an element's sendKeys would take a file input's Tab
            // for a file to upload.
            new Actions(browser.driver()).sendKeys(press).perform();
        }
        throw new AssertionError(target + " cannot be reached with the keyboard");
    }

    /** Whether leaving the page now would ask first (the page's beforeunload handler cancels the event). */
    private boolean leavingIsWarned() {
        return (Boolean) browser.script("""
                const leaving = new Event('beforeunload', {cancelable: true});
                window.dispatchEvent(leaving);
                return leaving.defaultPrevented || !!leaving.returnValue && leaving.returnValue !== true;
                """);
    }

    @SuppressWarnings("unchecked")
    private List<String> dirtyFiles() {
        return (List<String>) browser.script("return window.studio.dirtyFiles()");
    }

    /** The controls on screen that a screen reader could not name. */
    @SuppressWarnings("unchecked")
    private List<String> unlabelledControls() {
        return (List<String>) browser.script("""
                return [...document.querySelectorAll('input, select, textarea, button')]
                  .filter(el => el.offsetParent !== null && el.type !== 'hidden')
                  .filter(el => !((el.labels && el.labels.length) || el.getAttribute('aria-label')
                      || el.getAttribute('aria-labelledby') || (el.tagName === 'BUTTON' && el.textContent.trim())))
                  .map(el => el.outerHTML.slice(0, 120));
                """);
    }

    private static String activeVersion() {
        return service.admin().get("/v1/policy/versions").json().get("active").asString();
    }

    private static String voucherPercent() {
        return Answers.voucher(shop.post("/v1/decisions", "application/json", Requests.MEDIUM_COMPLAINT).json())
                .get("percent").asString();
    }
}
