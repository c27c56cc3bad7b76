package com.shopcare.complaints.service.studio;

import org.openqa.selenium.JavascriptExecutor;

import java.time.Duration;

/**
 * The Apache KIE DMN editor as the Studio loads it, on a page of its own: a file opened, and what the editor writes
 * back when asked to save, without the Studio around it.
 */
final class StudioEditorPage {

    private final StudioBrowser browser;

    StudioEditorPage(StudioBrowser browser) {
        this.browser = browser;
        browser.go("/studio/");
        browser.waitFor(driver -> browser.script("return !!window.DmnEditor"));
    }

    /** Opens the content in a fresh editor and returns what the editor saves, once it has read the model. */
    String openAndSave(String fileName, String content) {
        browser.script("""
                document.body.replaceChildren();
                const container = document.createElement('div');
                container.style.width = '1300px';
                container.style.height = '900px';
                document.body.append(container);
                if (window.roundTripEditor) { window.roundTripEditor.close(); }
                window.roundTripEditor = DmnEditor.open({container, initialContent: Promise.resolve(arguments[0]),
                    initialFileNormalizedPosixPathRelativeToTheWorkspaceRoot: arguments[1]});
                """, content, fileName);
        browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        // Until its envelope has read the model, the editor refuses a content request ("Content has not been set
        // yet") rather than answer with an empty model: asked again until it answers.
        return String.valueOf(((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const ask = () => window.roundTripEditor.getContent().then(done, error =>
                    String(error).includes('has not been set yet') ? setTimeout(ask, 200) : done('ERROR ' + error));
                ask();
                """));
    }
}
