package com.shopcare.complaints.service.studio;

import com.shopcare.complaints.engine.PolicyFiles;
import org.junit.jupiter.api.AfterAll;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped tables are written as the Apache KIE DMN editor writes them (DMN 1.6, with a diagram), so that a lead
 * who opens a table in the Studio and saves it unchanged publishes nothing new: each comes back byte for byte.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DmnRoundTripTest {

    @LocalServerPort
    int port;

    private static StudioBrowser browser;


    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void everyShippedTableOpenedAndSavedInTheEditorIsByteIdentical() {
        StudioEditorPage editor = page();
        for (Map.Entry<String, byte[]> table : PolicyFiles.shipped().files().entrySet()) {
            String shipped = new String(table.getValue(), StandardCharsets.UTF_8);

            String saved = editor.openAndSave(table.getKey(), shipped);

            assertThat(saved).as(table.getKey()).isEqualTo(shipped);
        }
        browser.screenshot("dmn-round-trip");
    }

    @Test
    void theEditorWritesTheFileItselfRatherThanHandingBackWhatItWasGiven() {
        String shipped = new String(PolicyFiles.shipped().files().get("ResponseTimes.dmn"), StandardCharsets.UTF_8);
        String writtenByHand = shipped.replace("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");

        String saved = page().openAndSave("ResponseTimes.dmn", writtenByHand);

        assertThat(writtenByHand).isNotEqualTo(shipped);
        assertThat(saved).isEqualTo(shipped);
    }

    private StudioEditorPage page() {
        if (browser == null) {
            browser = StudioBrowser.open(port);
        }
        return new StudioEditorPage(browser);
    }
}
