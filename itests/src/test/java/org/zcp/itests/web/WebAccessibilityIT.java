package org.zcp.itests.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * axe-core on the web client's main views (issue 13: "axe-core finds no serious violation on the
 * main views"): the logon page, the mail view with a message open, the settings dialog, the compose
 * form, the calendar's week, month and agenda views and the event form, contacts with the contact
 * form, tasks, notes, and the phone layout.
 * Serious and critical violations of WCAG 2.1 A/AA fail; the lesser ones are printed for the
 * report. H2 execution only.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@ExtendWith(Browser.Watcher.class)
class WebAccessibilityIT {
    static final List<String> MINOR = new ArrayList<>();

    static void check(Browser b, String view) {
        for (Accessibility.Violation v : Accessibility.check(b, view)) MINOR.add(view + ": " + v);
    }

    @Test
    void theMainViewsHaveNoSeriousAccessibilityViolations() throws Exception {
        WebAccessIT.setUp();
        WebAccessIT.User u = WebAccessIT.user("ivy");
        String id = UUID.randomUUID().toString().substring(0, 8);
        String subject = "Accessible " + id;
        Mail.deliver(u.email(), Mail.plain(u.email(), subject, "Plain text for the reader " + id));

        Browser b = Browser.desktop("web-a11y");
        b.open(WebAccessIT.web());
        b.visible(WebAccessIT.LOGON_USER);
        check(b, "logon page");
        WebAccessIT.typeLogon(b, u.login(), u.password());
        b.visible(WebAccessIT.APP);
        WebAccessIT.folderSelected(b, "inbox");
        WebAccessIT.openMessage(b, subject);
        check(b, "mail view");

        b.click(By.id("open-settings"));
        b.visible(By.id("settings-tab-oof"));
        check(b, "settings dialog");
        b.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
        b.gone(By.id("settings-tab-oof"));

        String main = b.driver().getWindowHandle();
        b.click(By.id("compose-new"));
        WebAccessIT.awaitCompose(b);
        check(b, "compose form");
        if (!b.driver().getWindowHandle().equals(main)) {
            b.driver().close();
            b.driver().switchTo().window(main);
        } else {
            b.click(By.id("compose-close")); // an empty message: closed without a question
            b.gone(By.id("compose-subject"));
        }

        b.click(By.id("nav-calendar"));
        b.visible(By.id("cal-new"));
        b.click(By.id("cal-view-week"));
        check(b, "calendar week");
        b.click(By.id("cal-view-month"));
        check(b, "calendar month");
        b.click(By.id("cal-view-agenda"));
        check(b, "calendar agenda");
        b.click(By.id("cal-new"));
        b.visible(By.id("event-subject"));
        check(b, "event form");
        b.click(By.id("event-cancel"));
        b.gone(By.id("event-subject"));
        b.click(By.id("nav-contacts"));
        b.visible(By.id("contact-new"));
        check(b, "contacts");
        b.click(By.id("contact-new"));
        b.visible(By.id("contact-given"));
        check(b, "contact form");
        b.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
        b.gone(By.id("contact-given"));
        b.click(By.id("nav-tasks"));
        b.visible(By.id("task-quick-add"));
        check(b, "tasks");
        b.click(By.id("nav-notes"));
        b.visible(By.id("note-new"));
        check(b, "notes");
        b.screenshot("web-a11y-notes");

        Browser phone = Browser.phone("web-a11y-phone");
        WebAccessIT.logon(phone, WebAccessIT.web(), u);
        check(phone, "phone inbox");
        System.out.println("axe-core, lesser findings (" + MINOR.size() + "):\n  " + String.join("\n  ", MINOR));
    }
}
