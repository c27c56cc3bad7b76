package com.shopcare.complaints.service.studio;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: the browser a lead uses, on the Studio of a real
 * running service. Named executables, so that Selenium never tries to download a browser or a driver (the build
 * machines reach no such host); the flags keep Chromium from calling any outside host either.
 */
final class StudioBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Where each journey's last screen is saved, whether it passed or failed. */
    static final Path SCREENSHOTS = Path.of("target", "studio-screenshots");

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;
    private final List<String> console = new ArrayList<>();

    private StudioBrowser(ChromeDriver driver, Path profile, String base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
    }

    static StudioBrowser open(int port) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The Studio's browser tests need Debian's Chromium and its driver: "
                    + "apt-get install -y chromium chromium-driver (see the README)");
        }
        try {
            Path profile = Files.createTempDirectory("studio-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-features=AutofillServerCommunication", "--window-size=1400,1000",
                    "--user-data-dir=" + profile);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            return new StudioBrowser(new ChromeDriver(service, options), profile, "http://localhost:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    void go(String path) {
        driver.get(base + path);
    }

    WebElement find(String css) {
        return find(By.cssSelector(css));
    }

    WebElement find(By locator) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    <T> T waitFor(java.util.function.Function<? super WebDriver, T> condition) {
        return waitFor(condition, Duration.ofSeconds(30));
    }

    <T> T waitFor(java.util.function.Function<? super WebDriver, T> condition, Duration timeout) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(100)).until(condition);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** What the page and its frames wrote to the console since the last call, CSP violations included. */
    List<String> console() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            console.add(entry.getLevel() + " " + entry.getMessage());
        }
        return List.copyOf(console);
    }

    /** The journey's last screen, under target/studio-screenshots/{name}.png. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // A temporary profile left behind: the system's temp cleaner takes it.
        }
    }
}
