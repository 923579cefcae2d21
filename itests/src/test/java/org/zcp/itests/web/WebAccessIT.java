package org.zcp.itests.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Flags;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.zcp.api.mapi.PropTag;
import org.zcp.api.soap.StoreInfo;
import org.zcp.api.soap.ZarafaCmd;
import org.zcp.itests.Fixture;
import org.zcp.itests.ItServer;
import org.zcp.itests.SmtpSink;

/**
 * The web client (docs/webaccess.md) in a real browser: headless Chromium against the test
 * server's WebAccess listeners, as a user sees it, with the store checked behind it (over IMAP,
 * SOAP and the spooler's SMTP relay). Runs in the H2 hosted execution only (itests/pom.xml): the
 * browser checks the client; the store's behaviour on MariaDB is covered by the other ITs.
 *
 * <p>Each test makes its own company and users and writes a screenshot of what it checks to
 * target/screenshots (web-*.png); a failed test leaves FAILED-WebAccessIT-&lt;test&gt;.png and
 * .log there ({@link Browser.Watcher}). Every wait is on a condition (15 s); "nothing happened"
 * is asserted only after a positive sign that the page has finished what it does.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@ExtendWith(Browser.Watcher.class)
class WebAccessIT {
    static ZarafaCmd c;
    static String admin;

    static final By APP = By.id("app");
    static final By LOGON_USER = By.id("logon-user");
    static final By ROWS = By.cssSelector("[data-message-id]");
    static final By READER_SUBJECT = By.id("reader-subject");

    record User(String login, String password, String email) {
    }

    @BeforeAll
    static void setUp() throws Exception {
        c = ItServer.client();
        admin = ItServer.admin();
    }

    /** A user of a company of its own. */
    static User user(String name) throws Exception {
        String company = ItServer.company(admin);
        String login = ItServer.user(admin, company, name);
        return new User(login, ItServer.password(login), c.getUser(admin, login).email);
    }

    static String web() {
        return ItServer.webUrl() + "/";
    }

    static String id() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    // ---- the page ---------------------------------------------------------------------------

    static By special(String special) {
        return By.cssSelector("[data-folder-id][data-special='" + special + "']");
    }

    static void logon(Browser b, String url, User u) {
        b.open(url);
        typeLogon(b, u.login, u.password);
        b.visible(APP);
        folderSelected(b, "inbox");
    }

    static void typeLogon(Browser b, String login, String password) {
        WebElement user = b.visible(LOGON_USER);
        user.clear();
        user.sendKeys(login);
        WebElement pw = b.driver().findElement(By.id("logon-password"));
        pw.clear();
        pw.sendKeys(password);
        b.click(By.id("logon-submit"));
    }

    static boolean selected(WebElement e) {
        String cls = " " + e.getDomAttribute("class") + " ";
        return "true".equals(e.getDomAttribute("aria-selected")) || cls.contains(" selected ") || cls.contains(" active ");
    }

    /** The folder tree item of a special folder, once it is the selected one (shown or not: a phone shows one pane). */
    static WebElement folderSelected(Browser b, String special) {
        return b.until("the folder " + special + " selected", d -> {
            List<WebElement> e = d.findElements(special(special));
            return !e.isEmpty() && selected(e.get(0)) ? e.get(0) : null;
        });
    }

    /** Clicks a special folder's own row in the tree (not the middle of its item, which may hold its subfolders). */
    static void clickFolder(Browser b, String special) {
        // the tree is drawn again when a change event updates its counts: find and click anew then
        b.until("a click on the " + special + " folder", d -> {
            try {
                WebElement item = b.visible(special(special));
                List<WebElement> row = item.findElements(By.cssSelector(".tree-row"));
                (row.isEmpty() ? item : row.get(0)).click();
                return true;
            } catch (StaleElementReferenceException e) {
                return null;
            }
        });
    }

    static void openFolder(Browser b, String special) {
        clickFolder(b, special);
        folderSelected(b, special);
    }

    /** The name a folder tree item shows (without its unread count). */
    static String folderName(WebElement item) {
        List<WebElement> name = item.findElements(By.cssSelector(".tree-name"));
        return (name.isEmpty() ? item.getText() : name.get(0).getText()).strip();
    }

    static WebElement row(WebDriver d, String subject) {
        for (WebElement r : d.findElements(ROWS)) {
            if (r.getText().contains(subject)) return r;
        }
        return null;
    }

    static WebElement awaitRow(Browser b, String subject) {
        return b.until("a row \"" + subject + "\"", d -> row(d, subject));
    }

    static void awaitNoRow(Browser b, String subject) {
        b.until("no row \"" + subject + "\"", d -> row(d, subject) == null);
    }

    static boolean hasClass(WebElement e, String cls) {
        String c = e.getDomAttribute("class");
        return c != null && List.of(c.split("\\s+")).contains(cls);
    }

    /** Whether the row or something in it is drawn bold (font-weight 600 or more). */
    static boolean bold(Browser b, WebElement row) {
        return Boolean.TRUE.equals(b.script("const all = [arguments[0], ...arguments[0].querySelectorAll('*')];"
                + "return all.some(e => parseInt(getComputedStyle(e).fontWeight, 10) >= 600 && e.textContent.trim());", row));
    }

    /** Clicks the row and waits until the reader shows the message. */
    static void openMessage(Browser b, String subject) {
        clickRow(b, subject);
        b.until("the reader showing \"" + subject + "\"", d -> {
            List<WebElement> s = d.findElements(READER_SUBJECT);
            return !s.isEmpty() && s.get(0).isDisplayed() && s.get(0).getText().strip().equals(subject);
        });
    }

    static void clickRow(Browser b, String subject) {
        // rows are drawn again when the list refreshes (a change event): find and click anew then
        b.until("a click on the row \"" + subject + "\"", d -> {
            try {
                WebElement r = row(d, subject);
                if (r == null) return null;
                r.click();
                return true;
            } catch (StaleElementReferenceException e) {
                return null;
            }
        });
    }

    /**
     * The document the reader frame shows once it holds {@code marker}: the frame loads the
     * message's body page (api/messages/{id}/body), so this is that page's source as the browser
     * parsed it.
     */
    static String srcdoc(Browser b, String marker) {
        return b.until("the message in the frame", d -> {
            d.switchTo().frame(d.findElement(By.id("reader-frame")));
            try {
                String s = d.getPageSource();
                return s != null && s.contains(marker) ? s : null;
            } finally {
                d.switchTo().defaultContent();
            }
        });
    }

    /** Inside the reader frame: waits until its document has loaded everything, runs {@code check}, comes back out. */
    static void inFrame(Browser b, Runnable check) {
        b.driver().switchTo().frame(b.driver().findElement(By.id("reader-frame")));
        try {
            b.until("the frame loaded", d -> "complete".equals(b.script("return document.readyState")));
            check.run();
        } finally {
            b.driver().switchTo().defaultContent();
        }
    }

    static void assertSandboxed(WebElement frame) {
        String sandbox = frame.getDomAttribute("sandbox");
        assertThat(sandbox).as("the reader frame's sandbox").isNotNull().doesNotContain("allow-scripts")
                .doesNotContain("allow-same-origin");
    }

    /** Clicks a checkbox or switch, also when it is drawn by its label and so not interactable itself. */
    static void toggle(Browser b, By by, boolean on) {
        WebElement box = b.until(by + " present", d -> d.findElements(by).isEmpty() ? null : d.findElement(by));
        if (box.isSelected() == on) return;
        try {
            box.click();
        } catch (ElementNotInteractableException e) {
            b.script("arguments[0].click()", box);
        }
        b.until(by + (on ? " on" : " off"), d -> d.findElement(by).isSelected() == on);
    }

    /** Waits for the compose form (a dialog in the page, or a window of its own: then switches to it). */
    static void awaitCompose(Browser b) {
        b.until("the compose form", d -> {
            if (!d.findElements(By.id("compose-subject")).isEmpty() && d.findElement(By.id("compose-subject")).isDisplayed()) {
                return true;
            }
            for (String h : d.getWindowHandles()) {
                if (!h.equals(d.getWindowHandle())) {
                    d.switchTo().window(h);
                    return false;
                }
            }
            return false;
        });
    }

    /** Sends the open compose form and waits until it is gone (back in the main window if it had one). */
    static void send(Browser b, String mainWindow) {
        b.click(By.id("compose-send"));
        b.until("the compose form closed", d -> {
            try {
                d.getWindowHandle();
            } catch (org.openqa.selenium.NoSuchWindowException closed) {
                d.switchTo().window(mainWindow);
                return true;
            }
            List<WebElement> s = d.findElements(By.id("compose-subject"));
            return s.isEmpty() || !s.get(0).isDisplayed();
        });
        if (!b.driver().getWindowHandle().equals(mainWindow)) b.driver().switchTo().window(mainWindow);
    }

    static void assertNoCspViolations(Browser b) {
        assertThat(b.consoleErrors()).as("console errors").noneMatch(l -> l.contains("Content Security Policy"));
    }

    // ---- the store behind it ------------------------------------------------------------------

    /** One SOAP session per user for the checks behind the page. */
    static final Map<String, String> SESSIONS = new java.util.concurrent.ConcurrentHashMap<>();

    static List<String> subjects(User u, String folder) throws Exception {
        String s = SESSIONS.get(u.login);
        if (s == null) {
            s = ItServer.logon(u.login, u.password);
            SESSIONS.put(u.login, s);
        }
        StoreInfo store = c.getStore(s, null);
        String id = Fixture.folders(c, s, store.ipmSubtreeId).get(folder);
        return Fixture.subjects(c.queryContents(s, id, Fixture.columns(PropTag.PR_SUBJECT)));
    }

    static void awaitSubjects(User u, String folder, String subject, boolean present) throws Exception {
        long end = System.nanoTime() + Browser.WAIT.toNanos();
        while (subjects(u, folder).contains(subject) != present) {
            if (System.nanoTime() > end) {
                throw new AssertionError("\"" + subject + "\" " + (present ? "never came into " : "never left ") + folder
                        + ": " + subjects(u, folder));
            }
            Thread.sleep(200);
        }
    }

    static Map<String, String> catalog(String language) throws Exception {
        HttpResponse<String> r = WebApi.client(null).send(HttpRequest.newBuilder(URI.create(web() + "i18n/" + language
                + ".json")).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) return Map.of();
        Map<String, Object> m = WebApi.map(r);
        Map<String, String> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    static HttpResponse<byte[]> download(Browser b, String url) throws Exception {
        Cookie cookie = b.cookie(WebApi.COOKIE);
        assertThat(cookie).as("the session cookie").isNotNull();
        return WebApi.client(null).send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Cookie", cookie.getName() + "=" + cookie.getValue()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    // ---- the tests ----------------------------------------------------------------------------

    @Test
    void logonShowsTheInboxSpeaksDutchAndLogsOff() throws Exception {
        User u = user("lena");
        Browser b = Browser.desktop("web-logon");
        b.open(web());
        typeLogon(b, u.login, "wrong-" + u.password);
        String error = b.until("the logon error", d -> {
            WebElement e = d.findElement(By.id("logon-error"));
            return e.isDisplayed() && !e.getText().isBlank() ? e.getText() : null;
        });
        assertThat(error).isNotBlank();
        assertThat(b.driver().findElement(APP).isDisplayed()).as("#app after a wrong password").isFalse();
        assertThat(b.driver().findElement(LOGON_USER).isDisplayed()).isTrue();
        b.screenshot("web-logon-wrong-password");

        typeLogon(b, u.login, u.password);
        b.visible(APP);
        WebElement inbox = folderSelected(b, "inbox");
        String english = folderName(inbox);
        assertThat(english).isNotBlank();
        Cookie cookie = b.cookie(WebApi.COOKIE);
        assertThat(cookie).as("the session cookie").isNotNull();
        assertThat(cookie.isHttpOnly()).as("HttpOnly").isTrue();
        assertThat(cookie.getSameSite()).as("SameSite").isEqualToIgnoringCase("Strict");
        assertThat(b.script("return document.cookie")).as("the session cookie is out of the page's reach")
                .asString().doesNotContain(WebApi.COOKIE);
        b.screenshot("web-logon-inbox");
        assertNoCspViolations(b);
        b.assertNoAlert();

        b.click(By.id("logoff"));
        b.visible(LOGON_USER);
        assertThat(b.driver().findElement(APP).isDisplayed()).as("#app after logoff").isFalse();
        b.screenshot("web-logoff");

        new Select(b.visible(By.id("logon-language"))).selectByValue("nl");
        typeLogon(b, u.login, u.password);
        b.visible(APP);
        String dutch = b.until("the Inbox named in Dutch", d -> {
            List<WebElement> e = d.findElements(special("inbox"));
            String name = e.isEmpty() ? "" : folderName(e.get(0));
            return !name.isBlank() && !name.equals(english) ? name : null;
        });
        // what the catalogs say the Inbox is called (i18n/<lang>.json), when they say it
        Map<String, String> en = catalog("en");
        Map<String, String> nl = catalog("nl");
        List<String> named = en.entrySet().stream().filter(e -> e.getValue().equals(english)).map(Map.Entry::getKey)
                .filter(nl::containsKey).map(nl::get).toList();
        if (!named.isEmpty()) assertThat(named).as("what the nl catalog calls \"" + english + "\"").contains(dutch);
        assertThat(b.script("return document.documentElement.lang")).isEqualTo("nl");
        folderSelected(b, "inbox");
        b.screenshot("web-logon-dutch");

        b.click(By.id("logoff"));
        b.visible(LOGON_USER);
        assertThat(b.driver().findElement(APP).isDisplayed()).isFalse();
        b.assertNoAlert();
    }

    @Test
    void anHtmlMailShowsItsInlineImageAndItsPdfDownloads() throws Exception {
        User u = user("rita");
        c.setUserFeature(admin, u.login, "imap", true);
        String id = id();
        String subject = "Quarterly report " + id;
        String marker = "figures-" + id;
        String cid = "logo-" + id + "@remote.example";
        String pdfName = "report-" + id + ".pdf";
        byte[] png = Mail.png();
        byte[] pdf = Mail.pdf("Report " + id);
        String html = "<html><head><title>report</title></head><body><h1>Quarterly report</h1>"
                + "<p>The " + marker + " are attached.</p>"
                + "<p><img src=\"cid:" + cid + "\" alt=\"logo\" width=\"24\" height=\"16\"></p></body></html>";
        Mail.deliver(u.email, Mail.relatedWithPdf(u.email, subject, html, cid, png, pdfName, pdf));

        Browser b = Browser.desktop("web-read");
        logon(b, web(), u);
        WebElement row = awaitRow(b, subject);
        assertThat(hasClass(row, "unread")).as("the new mail's row is unread").isTrue();
        assertThat(bold(b, row)).as("an unread row is bold").isTrue();

        openMessage(b, subject);
        assertSandboxed(b.driver().findElement(By.id("reader-frame")));
        String srcdoc = srcdoc(b, marker);
        assertThat(srcdoc).doesNotContain("cid:");
        Matcher img = Pattern.compile("<img[^>]*\\ssrc=\"([^\"]+)\"").matcher(srcdoc);
        assertThat(img.find()).as("an <img> with a src in " + srcdoc).isTrue();
        String src = img.group(1).replace("&amp;", "&");
        // the inline image: the attachment's URL (docs/webaccess.md) or its bytes as a data: URI
        if (src.startsWith("data:")) {
            assertThat(src).startsWith("data:image/png;base64,");
            assertThat(Base64.getMimeDecoder().decode(src.substring(src.indexOf(',') + 1))).isEqualTo(png);
        } else {
            assertThat(src).contains("/attachments/");
            HttpResponse<byte[]> r = download(b, URI.create(b.driver().getCurrentUrl()).resolve(src).toString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo(png);
        }
        inFrame(b, () -> {
            assertThat(b.driver().findElement(By.tagName("body")).getText()).contains("The " + marker + " are attached.");
            assertThat(b.script("const i = document.querySelector('img');"
                    + " return !!i && i.complete && i.naturalWidth === 24 && i.naturalHeight === 16"))
                    .as("the inline image is drawn in the frame").isEqualTo(true);
        });

        WebElement link = b.until("the PDF in #reader-attachments", d -> d.findElements(By.cssSelector("#reader-attachments a"))
                .stream().filter(a -> a.getText().contains(pdfName)).findFirst().orElse(null));
        HttpResponse<byte[]> download = download(b, link.getDomProperty("href"));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("Content-Disposition")).get().asString().startsWith("attachment");

        b.until("the row read", d -> {
            WebElement r = row(d, subject);
            return r != null && !hasClass(r, "unread");
        });
        Mail.awaitImapFlags(u.login, u.password, subject, f -> f.contains(Flags.Flag.SEEN), "\\Seen");
        b.screenshot("web-read-html-mail");
        b.assertNoAlert();
    }

    @Test
    void hostileMailRunsNothingAndLoadsNothingUntilImagesAreAllowed() throws Exception {
        User u = user("hugo");
        String id = id();
        String subject = "Hostile " + id;
        String marker = "Hostile marker " + id;
        try (CountingServer evil = new CountingServer()) {
            String p = evil.base();
            String html = "<html><head><meta http-equiv=\"refresh\" content=\"0;url=" + p + "/refresh\">"
                    + "<base href=\"" + p + "/base/\"></head><body>"
                    + "<p>" + marker + "</p>"
                    + "<script>alert(1)</script>"
                    + "<img src=x onerror=alert(2)>"
                    + "<p><a href=\"javascript:alert(3)\">click me</a></p>"
                    + "<svg onload=alert(4)><circle r=\"5\"></circle></svg>"
                    + "<div style=\"background:url(javascript:alert(5));width:expression(alert(6))\">styled</div>"
                    + "<iframe src=\"" + p + "/evil\"></iframe>"
                    + "<form action=\"" + p + "/form\" method=\"post\"><input name=\"q\" value=\"x\"><button>go</button></form>"
                    + "<img src=\"relative.png\" alt=\"relative\">"
                    + "<p><img src=\"" + p + "/pixel.png\" alt=\"remote\" width=\"24\" height=\"16\"></p>"
                    + "</body></html>";
            Mail.deliver(u.email, Mail.html(u.email, subject, html));

            Browser b = Browser.desktop("web-hostile");
            logon(b, web(), u);
            openMessage(b, subject);
            WebElement frame = b.driver().findElement(By.id("reader-frame"));
            assertSandboxed(frame);
            String srcdoc = srcdoc(b, marker);
            // rendering finished: the frame's document and everything it asked for have loaded
            inFrame(b, () -> {
                assertThat(b.driver().findElement(By.tagName("body")).getText()).contains(marker);
                assertThat(b.driver().findElements(By.cssSelector("script, iframe, form, svg, meta[http-equiv=refresh i]")))
                        .as("active elements in the frame").isEmpty();
            });
            b.visible(By.id("show-images"));

            b.assertNoAlert();
            assertThat(evil.requests()).as("requests to the remote server before images are allowed").isEmpty();
            String lower = srcdoc.toLowerCase(Locale.ROOT);
            assertThat(lower).doesNotContain("<script", "onerror", "onload", "javascript:", "<svg", "expression(",
                    "<iframe", "<form", p);
            assertThat(lower).doesNotContainPattern("<meta[^>]*refresh").doesNotContainPattern("<base[^>]*href");
            assertThat(b.consoleErrors()).as("console errors").noneMatch(l -> l.contains("Blocked script execution"));
            b.screenshot("web-hostile-mail");

            // the check can fail: once allowed, the remote image is asked for
            b.click(By.id("show-images"));
            b.until("the remote image asked for", d -> evil.requests().stream().anyMatch(r -> r.startsWith("GET /pixel.png")));
            inFrame(b, () -> b.until("the remote image drawn", d -> Boolean.TRUE.equals(b.script(
                    "return [...document.images].some(i => i.src.endsWith('/pixel.png') && i.complete && i.naturalWidth > 0)"))));
            assertThat(evil.requests()).as("all the remote server was asked").allMatch(r -> r.startsWith("GET /pixel.png"));
            b.assertNoAlert();
            b.screenshot("web-hostile-mail-images-shown");
        }
    }

    @Test
    void aNewHtmlMailWithAnAttachmentIsSentAndKeptInSentItems() throws Exception {
        User u = user("carl");
        SmtpSink relay = SmtpSink.get();
        String id = id();
        String subject = "Compose test " + id;
        String text = "Hello from the browser " + id;
        String to = "someone-" + id + "@example.org";
        Path dir = Files.createDirectories(Browser.target().resolve("browser").resolve("files"));
        Path file = dir.resolve("notes-" + id + ".txt");
        byte[] content = ("Attachment content " + id + "\n").getBytes(StandardCharsets.UTF_8);
        Files.write(file, content);

        Browser b = Browser.desktop("web-compose");
        logon(b, web(), u);
        String main = b.driver().getWindowHandle();
        b.click(By.id("compose-new"));
        awaitCompose(b);
        b.visible(By.id("compose-to")).sendKeys(to, Keys.TAB);
        b.visible(By.id("compose-subject")).sendKeys(subject);
        toggle(b, By.id("compose-html"), true);
        WebElement body = b.visible(By.id("compose-body"));
        body.click();
        body.sendKeys(text);
        b.driver().findElement(By.id("compose-attach")).sendKeys(file.toAbsolutePath().toString());
        b.until("the attachment listed", d -> d.findElement(By.tagName("body")).getText().contains(file.getFileName().toString()));
        b.screenshot("web-compose-html");
        send(b, main);

        SmtpSink.Received sent = relay.await(m -> m.data().contains(subject), 30);
        assertThat(sent.to()).containsExactly(to);
        assertThat(sent.from()).isEqualTo(u.email);
        MimeMessage mime = new MimeMessage(jakarta.mail.Session.getInstance(new Properties()),
                new ByteArrayInputStream(sent.data().getBytes(StandardCharsets.UTF_8)));
        assertThat(mime.getSubject()).isEqualTo(subject);
        List<Part> parts = new ArrayList<>();
        flatten(mime, parts);
        assertThat(parts).as("an HTML part with the text").anySatisfy(part -> {
            assertThat(part.isMimeType("text/html")).isTrue();
            assertThat(String.valueOf(part.getContent())).contains(text);
        });
        assertThat(parts).as("the attachment").anySatisfy(part -> {
            assertThat(part.getFileName()).isEqualTo(file.getFileName().toString());
            assertThat(bytes(part)).isEqualTo(content);
        });

        openFolder(b, "sent");
        awaitRow(b, subject);
        b.screenshot("web-sent-items");
        b.assertNoAlert();
    }

    static void flatten(Part p, List<Part> out) throws Exception {
        if (p.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart part = mp.getBodyPart(i);
                flatten(part, out);
            }
        } else {
            out.add(p);
        }
    }

    static byte[] bytes(Part p) {
        try (var in = p.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aReplyGoesToTheSenderAndMarksTheOriginalAnswered() throws Exception {
        User u = user("rory");
        c.setUserFeature(admin, u.login, "imap", true);
        SmtpSink relay = SmtpSink.get();
        String id = id();
        String subject = "Question " + id;
        Mail.deliver(u.email, Mail.plain(u.email, subject, "Can you answer this? " + id));

        Browser b = Browser.desktop("web-reply");
        logon(b, web(), u);
        String main = b.driver().getWindowHandle();
        openMessage(b, subject);
        b.click(By.id("action-reply"));
        awaitCompose(b);
        String replySubject = b.until("the reply's subject", d -> {
            String v = d.findElement(By.id("compose-subject")).getDomProperty("value");
            return v == null || v.isEmpty() ? null : v;
        });
        assertThat(replySubject).startsWith("Re:").contains(subject);
        WebElement to = b.driver().findElement(By.id("compose-to"));
        String recipients = b.until("the sender as the recipient", d -> {
            String shown = to.getDomProperty("value") + " " + to.findElement(By.xpath("..")).getText();
            return shown.contains(Mail.SENDER) || shown.contains(Mail.SENDER_NAME) ? shown : null;
        });
        assertThat(recipients).containsAnyOf(Mail.SENDER, Mail.SENDER_NAME);
        WebElement body = b.visible(By.id("compose-body"));
        body.click();
        body.sendKeys("Here is the answer " + id + " ");
        b.screenshot("web-reply");
        send(b, main);

        SmtpSink.Received sent = relay.await(m -> m.data().contains(subject) && m.to().contains(Mail.SENDER), 30);
        assertThat(sent.to()).containsExactly(Mail.SENDER);
        assertThat(sent.data()).containsPattern("(?m)^Subject: Re: " + Pattern.quote(subject));
        Mail.awaitImapFlags(u.login, u.password, subject, f -> f.contains(Flags.Flag.ANSWERED), "\\Answered");
        b.assertNoAlert();
    }

    /**
     * Manual 4.5 and 8.9 from the web client: out-of-office turned on in the settings is what the
     * server's autoresponder reads at delivery (the properties zarafa-set-oof sets), the banner
     * says so, and turning it off from the banner stops the replies.
     */
    @Test
    void outOfOfficeSetInTheSettingsAnswersMailUntilTurnedOff() throws Exception {
        User u = user("olga");
        String id = id();
        SmtpSink relay = SmtpSink.get();

        Browser b = Browser.desktop("web-oof");
        logon(b, web(), u);
        b.click(By.id("open-settings"));
        b.click(By.id("settings-tab-oof"));
        toggle(b, By.id("oof-enabled"), true);
        WebElement subject = b.visible(By.id("oof-subject"));
        subject.clear();
        subject.sendKeys("Away " + id);
        b.visible(By.id("oof-message")).sendKeys("Back on Monday " + id);
        b.screenshot("web-settings-oof");
        b.click(By.id("settings-save"));
        b.until("the out-of-office banner", d -> d.findElement(By.id("oof-banner")).isDisplayed());
        b.screenshot("web-oof-banner");

        Mail.deliver(u.email, Mail.plain(u.email, "Are you there " + id, "Question " + id));
        SmtpSink.Received reply = relay.await(m -> m.to().contains(Mail.SENDER) && m.data().contains("Away " + id), 30);
        assertThat(reply.data()).contains("Auto-Submitted: auto-replied").contains("Back on Monday " + id);

        b.click(By.id("oof-banner-off"));
        b.until("the banner gone", d -> !d.findElement(By.id("oof-banner")).isDisplayed());
        WebApi api = new WebApi(web());
        assertThat(api.logon(u.login, u.password).statusCode()).isEqualTo(200);
        assertThat(WebApi.map(api.get("api/outofoffice"))).containsEntry("enabled", false)
                .containsEntry("subject", "Away " + id);
        b.assertNoAlert();
    }

    @Test
    void aDeletedMessageGoesToDeletedItemsThenSoftDeletedAndIsRestored() throws Exception {
        User u = user("dora");
        String id = id();
        String subject = "Delete me " + id;
        Mail.deliver(u.email, Mail.plain(u.email, subject, "Soon gone " + id));

        Browser b = Browser.desktop("web-delete");
        logon(b, web(), u);
        openMessage(b, subject);
        b.click(By.id("action-delete"));
        awaitNoRow(b, subject);

        openFolder(b, "trash");
        openMessage(b, subject);
        b.screenshot("web-deleted-items");
        b.click(By.id("action-delete"));
        // from Deleted Items into the soft-deleted items (confirming, should the client ask)
        b.until("the row gone from Deleted Items", d -> {
            for (WebElement button : d.findElements(By.cssSelector("dialog[open] .btn-danger, dialog[open] .btn-primary"))) {
                if (button.isDisplayed()) {
                    button.click();
                    return false;
                }
            }
            return row(d, subject) == null;
        });
        awaitSubjects(u, "Deleted Items", subject, false);

        toggle(b, By.id("show-deleted"), true);
        clickRow(b, subject);
        b.screenshot("web-show-deleted");
        b.click(By.id("action-restore"));
        awaitSubjects(u, "Deleted Items", subject, true);
        toggle(b, By.id("show-deleted"), false);
        awaitRow(b, subject);
        assertThat(subjects(u, "Inbox")).doesNotContain(subject);
        b.screenshot("web-restored");
        b.assertNoAlert();
    }

    @Test
    void theApiRefusesForgeriesOversizedUploadsAndOldSessions() throws Exception {
        User u = user("alex");
        String id = id();
        String subject = "Stays unread " + id;
        Mail.deliver(u.email, Mail.plain(u.email, subject, "Unread " + id));

        WebApi api = new WebApi(ItServer.webUrl());
        HttpResponse<String> logon = api.logon(u.login, u.password);
        assertThat(logon.statusCode()).as(logon.body()).isEqualTo(200);
        assertThat(api.csrf).isNotBlank();
        String setCookie = logon.headers().allValues("set-cookie").stream().filter(h -> h.startsWith(WebApi.COOKIE + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + logon.headers().map()));
        assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict")
                .containsIgnoringCase("Path=/webaccess");

        String inbox = (String) api.special("inbox").get("id");
        String msg = (String) api.row(inbox, subject).get("id");
        assertThat(api.row(inbox, subject).get("read")).isEqualTo(false);
        Map<String, Object> markRead = Map.of("ids", List.of(msg), "read", true);
        HttpResponse<String> forged = api.send("POST", "api/messages/read", markRead, Map.of(WebApi.CSRF, "forged-" + id));
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
        assertThat(WebApi.map(forged).get("error")).isEqualTo("csrf");
        HttpResponse<String> missing = api.send("POST", "api/messages/read", markRead, Map.of());
        assertThat(missing.statusCode()).as(missing.body()).isEqualTo(403);
        HttpResponse<String> foreign = api.send("POST", "api/messages/read", markRead,
                Map.of(WebApi.CSRF, api.csrf, "Origin", "http://evil.example"));
        assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
        assertThat(api.row(inbox, subject).get("read")).as("read after refused calls").isEqualTo(false);
        // the check can fail: with the token the same call does it
        HttpResponse<String> ok = api.call("POST", "api/messages/read", markRead);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(204);
        assertThat(api.row(inbox, subject).get("read")).isEqualTo(true);

        // max_upload_size (webaccess.cfg, 20 MB): 21 MB is refused, the session goes on
        // Expect: 100-continue, as a browser's large upload would be answered: the server may refuse on the
        // declared length before the body is sent
        HttpRequest big = HttpRequest.newBuilder(URI.create(api.base + "api/uploads")).timeout(Duration.ofSeconds(120))
                .expectContinue(true)
                .header(WebApi.CSRF, api.csrf).header("X-File-Name", "big.bin").header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[21 * 1024 * 1024])).build();
        HttpResponse<String> tooLarge;
        try {
            tooLarge = api.http.send(big, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("a 21 MB upload got no answer (413 expected): " + e, e);
        }
        assertThat(tooLarge.statusCode()).as(tooLarge.body()).isEqualTo(413);
        assertThat(api.folders()).isNotEmpty();

        // a folder whose name is markup: the tree shows it as text
        String hostile = "<img src=x onerror=alert(1)>";
        Map<String, Object> folder = new HashMap<>();
        folder.put("parentId", api.special("inbox").get("parentId"));
        folder.put("name", hostile);
        HttpResponse<String> created = api.call("POST", "api/folders", folder);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String folderId = (String) WebApi.map(created).get("id");
        Browser b = Browser.desktop("web-hostile-folder");
        logon(b, web(), u);
        WebElement item = b.until("the new folder in the tree", d -> d.findElements(By.cssSelector("[data-folder-id]")).stream()
                .filter(e -> folderId.equalsIgnoreCase(e.getDomAttribute("data-folder-id"))).findFirst().orElse(null));
        assertThat(folderName(item)).isEqualTo(hostile);
        assertThat(item.findElements(By.tagName("img"))).as("img elements in the folder's item").isEmpty();
        assertThat(b.driver().findElements(By.cssSelector("img[src='x']"))).isEmpty();
        b.assertNoAlert();
        b.screenshot("web-hostile-folder-name");

        // logoff: the old cookie opens nothing any more
        String old = api.sessionCookie();
        assertThat(old).isNotBlank();
        HttpResponse<String> logoff = api.call("DELETE", "api/session", null);
        assertThat(logoff.statusCode()).as(logoff.body()).isEqualTo(204);
        for (String path : List.of("api/session", "api/folders")) {
            HttpResponse<String> r = WebApi.client(null).send(HttpRequest.newBuilder(URI.create(api.base + path))
                    .timeout(Duration.ofSeconds(20)).header("Cookie", WebApi.COOKIE + "=" + old).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("GET " + path + " with the logged-off cookie: " + r.body()).isEqualTo(401);
        }

        // over TLS the cookie is Secure too
        WebApi tls = new WebApi(ItServer.websUrl());
        HttpResponse<String> secure = tls.logon(u.login, u.password);
        assertThat(secure.statusCode()).as(secure.body()).isEqualTo(200);
        assertThat(secure.headers().allValues("set-cookie")).anySatisfy(h -> assertThat(h).startsWith(WebApi.COOKIE + "=")
                .containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict"));
        assertThat(tls.folders()).isNotEmpty();
    }

    @Test
    void theClientWorksOverHttps() throws Exception {
        User u = user("tessa");
        Browser b = Browser.desktop("web-https");
        logon(b, ItServer.websUrl() + "/", u);
        Cookie cookie = b.cookie(WebApi.COOKIE);
        assertThat(cookie).isNotNull();
        assertThat(cookie.isSecure()).as("Secure over https").isTrue();
        assertThat(cookie.isHttpOnly()).isTrue();
        b.screenshot("web-logon-https");
        b.assertNoAlert();
    }

    @Test
    void onAPhoneOnePaneShowsAtATime() throws Exception {
        User u = user("paula");
        String id = id();
        String subject = "On the phone " + id;
        Mail.deliver(u.email, Mail.plain(u.email, subject, "Small screen " + id));

        Browser b = Browser.phone("web-phone");
        logon(b, web(), u);
        // after logon: the folders or the list, alone
        String first = b.until("one pane shown", d -> {
            Map<String, Boolean> panes = panes(b, d, subject);
            long shown = panes.values().stream().filter(x -> x).count();
            return shown == 1 ? panes.entrySet().stream().filter(Map.Entry::getValue).findFirst().get().getKey() : null;
        });
        assertThat(first).isIn("folders", "list");
        if (first.equals("folders")) {
            clickFolder(b, "inbox");
        }
        Map<String, Boolean> listAlone = Map.of("folders", false, "list", true, "reader", false);
        WebElement row = b.until("the list alone", d -> panes(b, d, subject).equals(listAlone) ? row(d, subject) : null);
        b.screenshot("web-phone-list");

        row.click();
        b.until("the reader alone, showing the message", d -> panes(b, d, subject)
                .equals(Map.of("folders", false, "list", false, "reader", true))
                && d.findElement(READER_SUBJECT).getText().strip().equals(subject));
        WebElement back = b.until("a back control", d -> d.findElements(By.id("back-to-list")).stream()
                .filter(b::inViewport).findFirst().orElse(null));
        b.screenshot("web-phone-reader");
        back.click();
        b.until("the list again", d -> panes(b, d, subject).equals(listAlone));
        b.assertNoAlert();
    }

    /** Which panes are in the viewport: the folder tree (an item), the list (the message's row), the reader (#reader). */
    static Map<String, Boolean> panes(Browser b, WebDriver d, String subject) {
        boolean folders = d.findElements(By.cssSelector("[data-folder-id]")).stream().anyMatch(b::inViewport);
        WebElement row = row(d, subject);
        boolean list = row != null && b.inViewport(row);
        boolean reader = d.findElements(By.id("reader")).stream().anyMatch(b::inViewport);
        return Map.of("folders", folders, "list", list, "reader", reader);
    }
}
