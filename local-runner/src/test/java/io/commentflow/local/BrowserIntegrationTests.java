package io.commentflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real browser (Debian's headless Chromium, driven through its chromedriver) against the whole system as the local
 * runner starts it: a reader comments from the post page's form and sees their comment awaiting moderation, a moderator
 * approves it from the queue, a reader replies to it with the Reply link, and the reply is approved too. Screenshots
 * of each step are kept in {@code target/browser-test/}. Skipped where Chromium is not installed ({@code .ci/run}
 * installs it).
 */
class BrowserIntegrationTests {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "browser-test");
    /** Spam-filter holds every comment whose author name has this word (a moderation word), whatever the text. */
    private static final String HOLD = "Heldback";
    private static final Pattern PENDING_ID = Pattern.compile("[?&]unapproved=([0-9a-f-]{36})");

    private static LocalSystem system;
    private static LocalSettings settings;
    private static ChromeDriver browser;
    private static String postLink;

    @BeforeAll
    static void startTheSystemAndTheBrowser() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Chromium and chromedriver (Debian: apt-get install chromium chromium-driver; .ci/run does)");
        settings = LocalSettings.freePorts(LocalSettings.findProjectDir(Path.of("")), TestData.freshDirectory("browser"));
        system = new LocalSystem(settings)
                // one browser, one address: intake's flood guard would refuse its second comment within 15 s
                .withEnvironment("comment-intake", "COMMENTFLOW_INTAKE_FLOODINTERVAL", "0")
                .withEnvironment("spam-filter", "COMMENTFLOW_SPAM_RULES_MODERATIONWORDS", HOLD)
                .start();
        JsonNode posts = new ObjectMapper().readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(settings.postServiceUrl() + "/api/posts")).build(), HttpResponse.BodyHandlers.ofString()).body());
        postLink = posts.get(0).get("link").asText();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,1600");
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build(), options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopEverything() {
        if (browser != null) {
            browser.quit();
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aReaderCommentsAndRepliesFromThePageAndAModeratorApprovesBothFromTheQueue() throws Exception {
        String comment = "Browsers are still the best test of a form " + UUID.randomUUID();
        String reply = "And a reply from the Reply link " + UUID.randomUUID();

        // a reader leaves a comment: intake takes the form and sends the browser back to the post
        browser.get(postLink);
        leaveAComment("Rita " + HOLD, "rita@reader.example", comment);
        String commentId = pendingIdInAddress();
        WebElement held = awaitOwnPendingComment(commentId);
        assertThat(held.getText()).contains(comment).contains("Your comment is awaiting moderation.");
        screenshot("1-comment-awaiting-moderation");

        // nobody else sees it yet
        browser.manage().deleteAllCookies();
        browser.get(postLink);
        assertThat(browser.getPageSource()).doesNotContain(comment);

        approveFromTheQueue(commentId, "2-moderation-queue");

        // published: another reader replies to it with its Reply link
        browser.manage().deleteAllCookies();
        browser.get(postLink);
        WebElement published = awaitPublished(commentId);
        assertThat(published.getText()).contains(comment).doesNotContain("awaiting moderation");
        published.findElement(By.cssSelector(".comment-reply-link")).click();
        assertThat(browser.findElement(By.id("comment_parent")).getDomProperty("value")).isEqualTo(commentId);
        leaveAComment("Rhys " + HOLD, "rhys@reader.example", reply);
        String replyId = pendingIdInAddress();
        WebElement heldReply = awaitOwnPendingComment(replyId);
        assertThat(heldReply.getText()).contains(reply).contains("Your comment is awaiting moderation.");
        assertThat(browser.findElements(By.cssSelector("#comment-" + commentId + " #comment-" + replyId)))
                .as("the pending reply is shown under the comment it answers").hasSize(1);
        screenshot("3-reply-awaiting-moderation");

        approveFromTheQueue(replyId, "4-moderation-queue-reply");
        browser.manage().deleteAllCookies();
        browser.get(postLink);
        awaitPublished(replyId);
        assertThat(browser.findElements(By.cssSelector("#comment-" + commentId + " #comment-" + replyId))).hasSize(1);
        assertThat(browser.getPageSource()).doesNotContain("rita@reader.example").doesNotContain("rhys@reader.example");
        screenshot("5-both-published");
    }

    private static void leaveAComment(String name, String email, String text) {
        browser.findElement(By.id("comment")).sendKeys(text);
        browser.findElement(By.id("author")).sendKeys(name);
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("submit")).click();
        await().atMost(Duration.ofSeconds(30)).until(() -> PENDING_ID.matcher(browser.getCurrentUrl()).find());
    }

    /** Intake's redirect names the reader's own pending comment (WordPress's {@code unapproved}). */
    private static String pendingIdInAddress() {
        Matcher matcher = PENDING_ID.matcher(browser.getCurrentUrl());
        assertThat(matcher.find()).as("redirected with the pending comment: %s", browser.getCurrentUrl()).isTrue();
        return matcher.group(1);
    }

    /** The redirect may arrive before post-service has the comment: the reader reloads, as a reader would. */
    private static WebElement awaitOwnPendingComment(String id) {
        return awaitComment(id, ".comment-awaiting-moderation");
    }

    private static WebElement awaitPublished(String id) {
        return awaitComment(id, ".comment-reply-link");
    }

    private static WebElement awaitComment(String id, String marker) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            List<WebElement> found = browser.findElements(By.cssSelector("#comment-" + id + " " + marker));
            if (found.isEmpty()) {
                browser.navigate().refresh();
            }
            return !found.isEmpty();
        });
        return browser.findElement(By.id("comment-" + id));
    }

    /** Logs in (once per browser session), opens the pending queue and presses the comment's Approve button. */
    private static void approveFromTheQueue(String id, String screenshot) throws IOException {
        browser.get(settings.postServiceUrl() + "/admin/comments");
        if (!browser.findElements(By.id("password")).isEmpty()) {
            browser.findElement(By.id("username")).sendKeys("admin");
            browser.findElement(By.id("password")).sendKeys(system.secrets().adminPassword());
            browser.findElement(By.cssSelector("form button[type=submit]")).click();
            browser.get(settings.postServiceUrl() + "/admin/comments");
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            boolean listed = !browser.findElements(By.id("comment-" + id)).isEmpty();
            if (!listed) {
                browser.navigate().refresh();
            }
            return listed;
        });
        WebElement row = browser.findElement(By.id("comment-" + id));
        assertThat(row.getText()).contains(HOLD);
        screenshot(screenshot);
        row.findElement(By.cssSelector("button.action-approve")).click();
        await().atMost(Duration.ofSeconds(30)).until(() -> browser.findElements(By.id("comment-" + id)).isEmpty());
    }

    private static void screenshot(String name) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
