package io.jwtauth.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jwtauth.testsupport.RunningJar;
import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Swagger UI at {@code /api/docs/} of the built jar, in Debian's headless Chromium driven by its chromedriver: every
 * operation of the document is listed, and "Try it out" on {@code POST /api/token/} obtains a token pair for a user
 * the CLI created. The browser has no way out to the internet here, so the page only works if jwt-auth serves every
 * asset itself. Skipped, with the reason printed, where Chromium or chromedriver is not installed
 * ({@code apt-get install chromium chromium-driver}; {@code .ci/run} does it).
 */
class SwaggerUiIT {

    private static final Path CHROMIUM = Path.of(System.getProperty("jwtauth.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("jwtauth.chromedriver", "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path workDir;
    @TempDir
    Path browserProfile;

    /** In each test rather than once per class, so that reports count the test as skipped, not as absent. */
    @BeforeEach
    void needsChromiumAndItsDriver() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String reason = "SwaggerUiIT skipped: " + CHROMIUM + " or " + CHROMEDRIVER
                + " is missing (apt-get install chromium chromium-driver)";
        if (!present) {
            System.out.println(reason);
        }
        assumeTrue(present, reason);
    }

    @Test
    void swaggerUiListsEveryOperationAndObtainsATokenPairThroughTryItOut() throws Exception {
        try (RunningJar server = RunningJar.serve(workDir, Map.of())) {
            RunningJar.Result created = RunningJar.command(workDir, Map.of(), "swagger-password\n",
                    "users", "create", "swagger-user", "--password-stdin");
            assertThat(created.exitCode()).as(created.err()).isZero();
            HttpResponse<String> schema = server.get("/api/schema/", null);
            assertThat(schema.statusCode()).isEqualTo(200);

            WebDriver browser = chromium();
            try {
                browser.get(server.uri("/api/docs/").toString());
                WebDriverWait wait = new WebDriverWait(browser, WAIT);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock")));

                List<String> listed = browser.findElements(By.cssSelector(".opblock-summary")).stream()
                        .map(summary -> summary.findElement(By.cssSelector(".opblock-summary-method")).getText() + " "
                                + summary.findElement(By.cssSelector(".opblock-summary-path")).getAttribute("data-path"))
                        .collect(Collectors.toList());
                assertThat(listed).contains("POST /api/token", "POST /api/token/refresh", "POST /api/token/verify",
                        "POST /api/token/blacklist", "POST /api/token/revoke-all", "POST /api/password/change",
                        "GET /api/profile", "GET /.well-known/jwks.json", "GET /api/health", "GET /api/schema",
                        "GET /api/docs", "GET /api/forward-auth", "POST /api/forward-auth", "PUT /api/forward-auth",
                        "PATCH /api/forward-auth", "DELETE /api/forward-auth", "OPTIONS /api/forward-auth",
                        "GET /health", "GET /health/liveness", "GET /health/readiness");
                assertThat(listed).as("each operation once").doesNotHaveDuplicates();

                WebElement login = browser.findElement(By.id("operations-default-obtain"));
                click(browser, login.findElement(By.cssSelector(".opblock-summary")));
                click(browser, wait.until(ExpectedConditions.elementToBeClickable(
                        login.findElement(By.cssSelector(".try-out__btn")))));
                WebElement body = wait.until(ExpectedConditions.visibilityOf(
                        login.findElement(By.cssSelector("textarea.body-param__text"))));
                body.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
                body.sendKeys("{\"username\": \"swagger-user\", \"password\": \"swagger-password\"}");
                click(browser, login.findElement(By.cssSelector("button.execute")));

                WebElement status = wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#operations-default-obtain .live-responses-table tr.response .response-col_status")));
                assertThat(status.getText()).startsWith("200");
                String answer = browser.findElement(
                        By.cssSelector("#operations-default-obtain .live-responses-table tr.response .response-col_description pre"))
                        .getText();
                assertThat(answer).contains("\"refresh\"").contains("\"access\"").contains("eyJ");
            } finally {
                browser.quit();
            }
        }
    }

    /** Scrolled into view first: headless windows are small, and Swagger UI's page is long. */
    private static void click(WebDriver browser, WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /** The system's browser and driver: Selenium Manager would try to download both. */
    private WebDriver chromium() {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,2000", "--user-data-dir=" + browserProfile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
