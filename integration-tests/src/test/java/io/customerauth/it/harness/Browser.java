package io.customerauth.it.harness;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * A headless Chromium driven through Selenium: Debian's {@code chromium} and {@code chromedriver} at explicit paths
 * (system properties {@code customerauth.chromium} and {@code customerauth.chromedriver}), so Selenium Manager never
 * runs and nothing is downloaded. A fresh profile per browser. Every wait is bounded and waits for an element or a
 * condition, never for a page load: the admin console is a React app that keeps rendering after the load.
 */
public final class Browser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(45);

    private final ChromeDriver driver;
    private final Path profile;
    private final Path output;

    private Browser(ChromeDriver driver, Path profile, Path output) {
        this.driver = driver;
        this.profile = profile;
        this.output = output;
    }

    static Browser start() {
        Path chromium = Path.of(System.getProperty("customerauth.chromium", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty("customerauth.chromedriver", "/usr/bin/chromedriver"));
        Path output = Path.of(System.getProperty("customerauth.browser.output", "target/browser"));
        if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
            throw new IllegalStateException("the browser ITs need Debian's chromium and chromedriver at " + chromium
                    + " and " + chromedriver + ": apt-get install -y --no-install-recommends chromium chromium-driver");
        }
        try {
            Files.createDirectories(output);
            Path profile = Files.createTempDirectory(output, "profile-");
            ChromeOptions options = new ChromeOptions()
                    .setBinary(chromium.toFile())
                    .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                            "--window-size=1400,1000", "--disable-gpu", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            "--lang=en-US", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver.toFile())
                    .usingAnyFreePort()
                    .withLogFile(output.resolve("chromedriver.log").toFile())
                    .build();
            return new Browser(new ChromeDriver(service, options), profile, output);
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the browser's directories under " + output, e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    /** The element once it is visible. */
    public WebElement find(By locator) {
        return until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public void click(By locator) {
        until(ExpectedConditions.elementToBeClickable(locator)).click();
    }

    /** Replaces the field's text the way a person does (select all, type): React sees every key. */
    public void type(By locator, String text) {
        WebElement field = find(locator);
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(text);
    }

    /** The element's visible text once it is visible and says what the check wants. */
    public String awaitText(By locator, Function<String, Boolean> check) {
        return until(d -> {
            String text = d.findElement(locator).getText().strip();
            return check.apply(text) ? text : null;
        });
    }

    public <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(NoSuchElementException.class)
                .ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }

    /** No cookies, storage or sessions of earlier tests, for every site. */
    public void forgetEverything() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", "*", "storageTypes", "all"));
    }

    /** A PNG of one element (a dialog, say), in a window this tall so that a long dialog shows whole. */
    public Path screenshot(String name, By locator, int windowHeight) {
        Dimension usual = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(usual.getWidth(), windowHeight));
        try {
            Path file = output.resolve(name + ".png");
            write(file, find(locator).getScreenshotAs(OutputType.BYTES));
            return file;
        } finally {
            driver.manage().window().setSize(usual);
        }
    }

    /** The screenshot and the page source, for a failed test. */
    void saveEvidence(String name) {
        Path failures = output.resolve("failures");
        try {
            Files.createDirectories(failures);
            write(failures.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            write(failures.resolve(name + ".html"), (driver.getCurrentUrl() + "\n" + driver.getPageSource())
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            System.err.println("could not save the browser's evidence of " + name + ": " + e);
        }
    }

    /** Runs a script in the page, e.g. to scroll an element into view. */
    public Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile.toFile());
        }
    }

    private static void deleteQuietly(File file) {
        File[] children = file.listFiles();
        if (children != null) {
            for (File child : children) {
                deleteQuietly(child);
            }
        }
        if (!file.delete() && file.exists()) {
            file.deleteOnExit();
        }
    }
}
