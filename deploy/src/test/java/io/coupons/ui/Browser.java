package io.coupons.ui;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven by Debian's chromedriver, pointed at explicitly so Selenium Manager never
 * downloads a browser or a driver. Without the packages the test fails, naming them: browser tests
 * are never skipped silently. Screenshots go to {@code target/ui-screenshots/}, downloads to
 * {@code target/ui-downloads/<test>/}.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMEDRIVER = Path.of(System.getProperty("coupons.chromedriver", "/usr/bin/chromedriver"));
    static final Path CHROMIUM = Path.of(System.getProperty("coupons.chromium", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");

    private final ChromeDriver driver;
    private final Path downloads;

    private final String name;

    private Browser(ChromeDriver driver, Path downloads, String name) {
        this.driver = driver;
        this.downloads = downloads;
        this.name = name;
    }

    static Browser open(String name) {
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("The admin UI's browser tests need Debian's Chromium and its driver at "
                    + CHROMIUM + " and " + CHROMEDRIVER + ": apt-get install -y chromium chromium-driver "
                    + "(.ci/run installs them when they are missing)");
        }
        try {
            Path downloads = Files.createDirectories(Path.of("target", "ui-downloads", name).toAbsolutePath());
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                    "--window-size=1440,1000", "--lang=en-US");
            options.setExperimentalOption("prefs", Map.of(
                    "download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false,
                    "safebrowsing.enabled", false));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(Duration.ZERO);
            return new Browser(driver, downloads, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Runs a script in the page and gives its answer. */
    Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    Path downloads() {
        return downloads;
    }

    Browser go(String path) {
        driver.get(UiSystem.baseUrl() + path);
        return this;
    }

    /** Signs in through the form, as a person would. */
    Browser signIn(String user) {
        go("/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(UiSystem.password(user));
        driver.findElement(By.id("sign-in")).click();
        // The click only starts the form's navigation: a go() before it lands would race the
        // sign-in's own redirect (to /coupons, or back to /login?error), and the later one wins.
        until(d -> !d.getCurrentUrl().endsWith("/login"));
        return this;
    }

    WebElement find(By by) {
        return until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    void click(By by) {
        until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    void type(By by, String text) {
        WebElement field = find(by);
        field.clear();
        field.sendKeys(text);
    }

    <T> T until(Function<WebDriver, T> condition) {
        return until(condition, Duration.ofSeconds(15));
    }

    /** Waits; when it times out, says where the browser was and what it showed (and keeps a screenshot). */
    <T> T until(Function<WebDriver, T> condition, Duration timeout) {
        try {
            return new WebDriverWait(driver, timeout, Duration.ofMillis(50)).until(condition);
        } catch (TimeoutException e) {
            Path shot = screenshot("failed-" + name);
            String text = driver.findElement(By.tagName("body")).getText().replaceAll("\\s+", " ");
            throw new TimeoutException("At " + driver.getCurrentUrl() + " (screenshot " + shot + "), the page said: "
                    + (text.length() > 600 ? text.substring(0, 600) + "…" : text), e);
        }
    }

    /** A screenshot of what the browser shows, kept under the build output (and picked for the README). */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for a download whose name matches and is complete (Chromium writes .crdownload first). */
    Path awaitDownload(String suffix) {
        return until(driver -> {
            try (var files = Files.list(downloads)) {
                return files.filter(file -> file.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
