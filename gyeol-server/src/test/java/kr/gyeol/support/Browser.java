package kr.gyeol.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven through its chromedriver, with a profile of its own.
 * Closing it fails the test if a page of the gateway (the {@code 127.0.0.1} origin) wrote
 * an error to the console, then quits the browser and deletes the profile.
 */
public final class Browser implements AutoCloseable {

    private final WebDriver driver;

    private final Path profile;

    /** What the pages wrote to the console so far, read from the driver as asked for. */
    private final List<LogEntry> console = new java.util.ArrayList<>();

    private Browser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    private static Path executable(String variable, String fallback) {
        String configured = System.getenv(variable);
        Path path = Path.of(configured == null || configured.isBlank() ? fallback : configured);
        assertThat(Files.isExecutable(path))
            .as("The browser tests need %s (Debian: apt-get install -y chromium chromium-driver; or set %s)", path,
                    variable)
            .isTrue();
        return path;
    }

    /**
     * @param userAgent another user agent (a phone's), or null
     * @param width the window's width in CSS pixels
     */
    public static Browser start(String userAgent, int width) throws IOException {
        Path profile = Files.createTempDirectory("gyeol-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("GYEOL_CHROMIUM", "/usr/bin/chromium").toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-popup-blocking", "--window-size=" + width + ",900",
                "--user-data-dir=" + profile);
        // The console of every page is read when the browser is closed.
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        if (userAgent != null) {
            options.addArguments("--user-agent=" + userAgent);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(executable("GYEOL_CHROMEDRIVER", "/usr/bin/chromedriver").toFile())
            .build();
        return new Browser(new ChromeDriver(service, options), profile);
    }

    public WebDriver driver() {
        return this.driver;
    }

    /** Every message the pages wrote to the console so far, of every level. */
    public List<String> console() {
        this.console.addAll(this.driver.manage().logs().get(LogType.BROWSER).getAll());
        return this.console.stream().map(LogEntry::getMessage).toList();
    }

    @Override
    public void close() throws IOException {
        try {
            console();
            List<String> errors = this.console.stream()
                .filter((entry) -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter((message) -> message.contains("127.0.0.1"))
                .toList();
            assertThat(errors).as("console errors on the gateway's pages").isEmpty();
        }
        finally {
            this.driver.quit();
            org.springframework.util.FileSystemUtils.deleteRecursively(this.profile);
        }
    }

}
