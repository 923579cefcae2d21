package org.zcp.plugins.movetopublic;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.apache.mailet.Mail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zcp.plugins.Fixtures;
import org.zcp.plugin.MailAttributes;

class MoveToPublicTest {
    static final String CONFIG = """
            # mail for these addresses goes to the public store
            Sales@Example.com = Sales/Incoming
              support@example.com=Support   
            this line has no equals sign
            empty@example.com =
            """;

    @TempDir
    Path dir;

    MoveToPublic plugin() throws Exception {
        return Fixtures.init(new MoveToPublic(), Fixtures.context(dir, Map.of(7L, "")));
    }

    Mail deliver(MoveToPublic plugin, String recipient) throws Exception {
        MimeMessage m = Fixtures.parse("Subject: hi\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII));
        Mail mail = Fixtures.mail(m, recipient, 7);
        plugin.service(mail);
        return mail;
    }

    void write(String text) throws Exception {
        Files.writeString(dir.resolve("movetopublic.cfg"), text);
    }

    @Test
    void aListedRecipientGoesToItsPublicFolderWhateverTheCase() throws Exception {
        write(CONFIG);
        MoveToPublic p = plugin();
        Mail sales = deliver(p, "sales@EXAMPLE.com");
        assertThat(MailAttributes.string(sales, MailAttributes.PUBLIC_FOLDER)).contains("Sales/Incoming");
        assertThat(MailAttributes.flag(sales, MailAttributes.CREATE)).isFalse();
        assertThat(MailAttributes.string(deliver(p, "support@example.com"), MailAttributes.PUBLIC_FOLDER))
                .contains("Support");
    }

    @Test
    void otherRecipientsAndBrokenLinesAreLeftAlone() throws Exception {
        write(CONFIG);
        MoveToPublic p = plugin();
        Mail other = deliver(p, "someone@example.com");
        assertThat(other.getAttribute(MailAttributes.PUBLIC_FOLDER)).isEmpty();
        assertThat(other.getAttribute(MailAttributes.CREATE)).isEmpty();
        assertThat(deliver(p, "empty@example.com").getAttribute(MailAttributes.PUBLIC_FOLDER)).isEmpty();
    }

    @Test
    void createYesLetsDeliveryCreateTheFolder() throws Exception {
        write("create = yes\nsales@example.com = Sales/Incoming\n");
        Mail sales = deliver(plugin(), "sales@example.com");
        assertThat(MailAttributes.string(sales, MailAttributes.PUBLIC_FOLDER)).contains("Sales/Incoming");
        assertThat(MailAttributes.flag(sales, MailAttributes.CREATE)).isTrue();
    }

    @Test
    void withoutTheFileThePluginDoesNothingUntilItAppears() throws Exception {
        MoveToPublic p = plugin();
        assertThat(deliver(p, "sales@example.com").getAttribute(MailAttributes.PUBLIC_FOLDER)).isEmpty();
        write(CONFIG);
        assertThat(MailAttributes.string(deliver(p, "sales@example.com"), MailAttributes.PUBLIC_FOLDER))
                .contains("Sales/Incoming");
    }

    @Test
    void withoutServerCfgThePluginDoesNothing() throws Exception {
        MoveToPublic p = Fixtures.init(new MoveToPublic(), Fixtures.context(null, Map.of()));
        assertThat(deliver(p, "sales@example.com").getAttribute(MailAttributes.PUBLIC_FOLDER)).isEmpty();
    }

    @Test
    void aChangedFileIsReadAgain() throws Exception {
        Path file = dir.resolve("movetopublic.cfg");
        write(CONFIG);
        MoveToPublic p = plugin();
        assertThat(MailAttributes.string(deliver(p, "sales@example.com"), MailAttributes.PUBLIC_FOLDER))
                .contains("Sales/Incoming");
        FileTime before = Files.getLastModifiedTime(file);
        write("create = yes\nsales@example.com = Sales/Archive\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 2000));
        Mail sales = deliver(p, "sales@example.com");
        assertThat(MailAttributes.string(sales, MailAttributes.PUBLIC_FOLDER)).contains("Sales/Archive");
        assertThat(MailAttributes.flag(sales, MailAttributes.CREATE)).isTrue();
        assertThat(deliver(p, "support@example.com").getAttribute(MailAttributes.PUBLIC_FOLDER)).isEmpty();

        Files.delete(file);
        assertThat(deliver(p, "sales@example.com").getAttribute(MailAttributes.PUBLIC_FOLDER)).isEmpty();
    }
}
