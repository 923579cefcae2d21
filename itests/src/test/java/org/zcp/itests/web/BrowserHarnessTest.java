package org.zcp.itests.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The browser harness of the web client's tests without a server (a unit test, run by surefire in
 * every build): Debian's Chromium starts through Debian's chromedriver, reads a page, writes a
 * screenshot, sees console errors and alerts, reads into a sandboxed frame, and emulates a phone.
 */
@ExtendWith(Browser.Watcher.class)
class BrowserHarnessTest {
    static String page(String html) {
        return "data:text/html;charset=utf-8," + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void readsAPageAndWritesAScreenshot() throws Exception {
        Browser b = Browser.desktop("harness");
        b.open(page("<!doctype html><title>harness</title><h1 id=greeting>Hello, Zarafa</h1>"
                + "<script>console.error('harness error ' + 6 * 7)</script>"
                + "<button id=ask onclick=\"alert('asked')\">ask</button>"));
        assertThat(b.visible(By.id("greeting")).getText()).isEqualTo("Hello, Zarafa");
        assertThat(b.script("return window.innerWidth")).isEqualTo(1400L);
        assertThat(b.script("return navigator.language")).isEqualTo("en-US");

        Path shot = b.screenshot("harness-page");
        byte[] png = Files.readAllBytes(shot);
        assertThat(shot).startsWith(Browser.screenshots());
        assertThat(png.length).isGreaterThan(1000);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');

        assertThat(b.consoleErrors()).anySatisfy(l -> assertThat(l).contains("harness error 42"));

        b.assertNoAlert();
        b.click(By.id("ask"));
        // the check can fail: the alert stays open (prompt behaviour "ignore") and DevTools saw it
        assertThatThrownBy(b::assertNoAlert).hasMessageContaining("asked");
        b.driver().switchTo().alert().accept();
        // DevTools reports the dialog on its own thread: under load it may come after the alert was seen
        b.until("DevTools reported the dialog", d -> !b.dialogsOpened().isEmpty());
        assertThat(b.dialogsOpened()).containsExactly("alert: asked");

        b.recordFailure("harness-failure-record");
        assertThat(Browser.screenshots().resolve("harness-failure-record.png")).exists();
        assertThat(Files.readString(Browser.screenshots().resolve("harness-failure-record.log")))
                .contains("harness error 42");
        b.close();
        b.close();
    }

    @Test
    void readsIntoASandboxedFrameWhoseScriptsDoNotRun() {
        Browser b = Browser.desktop("harness-frame");
        String mail = "<p id=text>Inside the frame</p><script>parent.document.title = 'escaped'</script>"
                + "<img src=x onerror=\"alert('frame')\">";
        b.open(page("<!doctype html><title>frame</title><iframe id=f sandbox=\"\" srcdoc=\""
                + mail.replace("&", "&amp;").replace("\"", "&quot;") + "\"></iframe>"));
        WebElement frame = b.visible(By.id("f"));
        assertThat(frame.getDomAttribute("srcdoc")).contains("Inside the frame");
        b.driver().switchTo().frame(frame);
        assertThat(b.visible(By.id("text")).getText()).isEqualTo("Inside the frame");
        assertThat(b.script("return document.readyState")).isEqualTo("complete");
        b.driver().switchTo().defaultContent();
        assertThat(b.driver().getTitle()).isEqualTo("frame");
        b.assertNoAlert();
    }

    @Test
    void withoutDebiansBrowserTheTestsFailAndSayWhatToInstall() {
        assertThatThrownBy(() -> Browser.require(Browser.CHROMIUM, Path.of("/nonexistent/chromedriver")))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("the web client tests need Debian's chromium and chromium-driver: "
                        + "apt-get install chromium chromium-driver");
        Browser.require(Browser.CHROMIUM, Browser.CHROMEDRIVER);
    }

    @Test
    void emulatesAPhone() {
        Browser b = Browser.phone("harness-phone");
        b.open(page("<!doctype html><meta name=viewport content=\"width=device-width, initial-scale=1\">"
                + "<p id=w>phone</p>"));
        b.visible(By.id("w"));
        assertThat(b.script("return window.innerWidth")).isEqualTo(390L);
        assertThat(b.script("return navigator.maxTouchPoints > 0 && matchMedia('(pointer: coarse)').matches"))
                .isEqualTo(true);
        assertThat(b.inViewport(b.driver().findElement(By.id("w")))).isTrue();
        b.screenshot("harness-phone");
    }

    @Test
    void axeFindsWhatIsInaccessibleAndPassesWhatIsNot() {
        Browser b = Browser.desktop("harness-axe");
        // the check can fail: an image without text, a field without label, a button without a name
        b.open(page("<!doctype html><html lang=en><title>bad</title><main><img src=\"data:image/gif;base64,"
                + "R0lGODlhAQABAAAAACw=\"><input id=q><button></button></main></html>"));
        assertThatThrownBy(() -> Accessibility.check(b, "bad page")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("image-alt").hasMessageContaining("label").hasMessageContaining("button-name");
        b.open(page("<!doctype html><html lang=en><title>good</title><main><h1>Fine</h1><img alt=\"a dot\" src=\""
                + "data:image/gif;base64,R0lGODlhAQABAAAAACw=\"><label for=q>Search</label><input id=q>"
                + "<button>Go</button></main></html>"));
        assertThat(Accessibility.check(b, "good page")).isEmpty();
        b.close();
    }
}
