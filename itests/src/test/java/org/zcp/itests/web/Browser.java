package org.zcp.itests.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.Event;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for the web client's tests: Debian's {@code chromium} driven by Debian's
 * {@code chromedriver}, both named explicitly so Selenium Manager never runs (and, should it be
 * asked, runs offline: {@code SE_OFFLINE}). Each instance has a fresh profile under
 * {@code target/browser/<name>-<n>}; screenshots go to {@code target/screenshots}.
 *
 * <p>Tests open browsers with {@link #desktop} or {@link #phone} and register {@link Watcher}
 * ({@code @ExtendWith(Browser.Watcher.class)}): it writes {@code FAILED-<test>.png} and the
 * console log of every browser still open when a test fails, then closes them. So a test leaves
 * its browsers open (no try-with-resources) for the watcher to see the page as it failed.
 *
 * <p>Alerts are left open (unhandled prompt behaviour "ignore"), so {@link #assertNoAlert()} finds
 * one that a page opened; the DevTools protocol counts every JavaScript dialog any frame opened.
 */
public final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String MISSING = "the web client tests need Debian's chromium and chromium-driver: "
            + "apt-get install chromium chromium-driver";
    /** How long every wait waits. */
    static final Duration WAIT = Duration.ofSeconds(15);

    private static final Map<String, AtomicInteger> COUNTERS = new ConcurrentHashMap<>();
    /** The browsers open now, for the {@link Watcher}. */
    private static final Set<Browser> OPEN = java.util.Collections.synchronizedSet(new LinkedHashSet<>());

    static {
        // Selenium Manager is never asked (driver and browser are named below); should anything ask it,
        // it must not reach the network: the Java binding passes SE_* system properties to it as its
        // environment (SE_OFFLINE = --offline), and the test JVMs also get SE_OFFLINE in their environment
        System.setProperty("SE_OFFLINE", "true");
    }

    private final String name;
    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final List<String> console = new CopyOnWriteArrayList<>();
    private final List<String> dialogs = new CopyOnWriteArrayList<>();
    private final DevTools devTools;
    private boolean closed;

    private Browser(String name, boolean phone) {
        require(CHROMIUM, CHROMEDRIVER);
        int n = COUNTERS.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
        this.name = name + "-" + n;
        this.profile = target().resolve("browser").resolve(this.name);
        try {
            deleteTree(profile);
            Files.createDirectories(profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile.toAbsolutePath(),
                phone ? "--window-size=390,844" : "--window-size=1400,900");
        if (phone) {
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("width", 390);
            metrics.put("height", 844);
            metrics.put("pixelRatio", 3.0);
            metrics.put("mobile", true);
            metrics.put("touch", true);
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics", metrics, "userAgent",
                    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                            + "Chrome/156.0.0.0 Mobile Safari/537.36"));
        }
        // the same language in every run, whatever the machine's locale (the client follows navigator.languages)
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        options.setAcceptInsecureCerts(true);
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingPort(freePort())
                .withLogFile(target().resolve("browser").resolve(this.name + ".chromedriver.log").toFile())
                .build();
        driver = new ChromeDriver(service, options);
        OPEN.add(this);
        wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        devTools = driver.getDevTools();
        devTools.createSessionIfThereIsNotOne();
        devTools.send(new Command<Void>("Page.enable", Map.of()));
        devTools.addListener(new Event<>("Page.javascriptDialogOpening", in -> {
            Map<String, Object> m = in.read(org.openqa.selenium.json.Json.MAP_TYPE);
            return m.get("type") + ": " + m.get("message");
        }), (java.util.function.Consumer<String>) dialogs::add);
    }

    /** Fails (never skips) unless every program is there: the tests of the web client are not optional. */
    static void require(Path... programs) {
        for (Path p : programs) {
            if (!Files.isExecutable(p)) throw new AssertionError(MISSING + " (" + p + " is missing)");
        }
    }

    /** A desktop browser (1400x900). */
    public static Browser desktop(String name) {
        return new Browser(name, false);
    }

    /** A phone (390x844, mobile emulation: touch, mobile viewport, a phone's user agent). */
    public static Browser phone(String name) {
        return new Browser(name, true);
    }

    public String name() {
        return name;
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Browser open(String url) {
        driver.get(url);
        return this;
    }

    /** Waits until the condition answers something else than null or false, and returns that. */
    public <T> T until(String what, Function<WebDriver, T> condition) {
        return wait.withMessage(what).until(condition);
    }

    /** The element, once it is displayed. */
    public WebElement visible(By by) {
        return until(by + " visible", ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** The element, once it is displayed; then clicks it. */
    public WebElement click(By by) {
        WebElement e = until(by + " clickable", ExpectedConditions.elementToBeClickable(by));
        e.click();
        return e;
    }

    /** Waits until no element matching is displayed. */
    public void gone(By by) {
        until(by + " gone", ExpectedConditions.invisibilityOfElementLocated(by));
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Whether the element is displayed and at least partly inside the viewport (not a pane pushed aside). */
    public boolean inViewport(WebElement e) {
        if (!e.isDisplayed()) return false;
        return Boolean.TRUE.equals(script("const r = arguments[0].getBoundingClientRect();"
                + "return r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0"
                + " && r.left < window.innerWidth && r.top < window.innerHeight;", e));
    }

    public Cookie cookie(String cookieName) {
        return driver.manage().getCookieNamed(cookieName);
    }

    public static Path target() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).resolve("target");
    }

    public static Path screenshots() {
        return target().resolve("screenshots");
    }

    /** The page as it is now, in {@code target/screenshots/<name>.png}. */
    public Path screenshot(String shot) {
        try {
            Path p = screenshots().resolve(shot + ".png");
            Files.createDirectories(p.getParent());
            Files.write(p, driver.getScreenshotAs(OutputType.BYTES));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything the pages logged to the console since the browser started (level, time, text). */
    public List<String> consoleLog() {
        if (!closed) {
            for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
                console.add(e.getLevel() + " " + java.time.Instant.ofEpochMilli(e.getTimestamp()) + " " + e.getMessage());
            }
        }
        return List.copyOf(console);
    }

    /** The console's errors (level SEVERE: console.error, uncaught exceptions, failed loads, CSP refusals). */
    public List<String> consoleErrors() {
        return consoleLog().stream().filter(l -> l.startsWith(Level.SEVERE.toString())).toList();
    }

    /** The JavaScript dialogs (alert, confirm, prompt, beforeunload) any frame of the page opened so far. */
    public List<String> dialogsOpened() {
        return List.copyOf(dialogs);
    }

    /** No alert is open now, and no frame ever opened a dialog. */
    public void assertNoAlert() {
        try {
            String text = driver.switchTo().alert().getText();
            throw new AssertionError("a JavaScript dialog is open: " + text);
        } catch (NoAlertPresentException expected) {
            // as it should be
        }
        if (!dialogs.isEmpty()) throw new AssertionError("JavaScript dialogs were opened: " + dialogs);
    }

    /** Writes {@code <shot>.png} and {@code <shot>.log} (the console) for a failure; never throws. */
    void recordFailure(String shot) {
        try {
            screenshot(shot);
        } catch (RuntimeException e) {
            System.err.println("browser " + name + ": no screenshot: " + e);
        }
        try {
            List<String> lines = new ArrayList<>();
            lines.add("url: " + driver.getCurrentUrl());
            lines.add("dialogs: " + dialogs);
            lines.addAll(consoleLog());
            Files.createDirectories(screenshots());
            Files.write(screenshots().resolve(shot + ".log"), lines, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            System.err.println("browser " + name + ": no console log: " + e);
        }
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        OPEN.remove(this);
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }

    /** A free port of the ephemeral range for chromedriver (Selenium's own choice may fall anywhere). */
    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /**
     * Screenshots and console logs of the browsers a failed test left open
     * ({@code FAILED-<class>-<method>[-<browser>].png} and {@code .log}), then closes every browser
     * the test opened.
     */
    public static final class Watcher implements AfterTestExecutionCallback, AfterEachCallback {
        @Override
        public void afterTestExecution(ExtensionContext context) {
            if (context.getExecutionException().isEmpty()) return;
            List<Browser> open;
            synchronized (OPEN) {
                open = List.copyOf(OPEN);
            }
            String test = "FAILED-" + context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName();
            for (Browser b : open) b.recordFailure(open.size() == 1 ? test : test + "-" + b.name);
        }

        @Override
        public void afterEach(ExtensionContext context) {
            List<Browser> open;
            synchronized (OPEN) {
                open = List.copyOf(OPEN);
            }
            for (Browser b : open) {
                try {
                    b.close();
                } catch (RuntimeException e) {
                    System.err.println("browser " + b.name + ": " + e);
                }
            }
        }
    }
}
