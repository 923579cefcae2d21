package org.zcp.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zcp.ical.ContactForms.Contact;
import org.zcp.ical.ContactForms.PostalAddress;
import org.zcp.ical.ContactForms.Typed;
import org.zcp.ical.TaskForms.Task;

/** The contact and task forms of the web client: written, converted as CardDAV/CalDAV items are, read back. */
class FormsTest {
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final ZoneId SERVER = ZoneId.of("Europe/Amsterdam");

    private static Contact anna(String uid) {
        return new Contact(uid, "Dr.", "Anna", "Maria", "de Vries", null, null, "Ann", "Acme, Inc.", "Sales",
                "Account manager", List.of(new Typed("work", "anna@acme.example"), new Typed("home", "anna@home.example")),
                List.of(new Typed("mobile", "+31 6 1234 5678"), new Typed("work", "+31 20 123 4567")),
                List.of(new PostalAddress("work", "Keizersgracht 1", "Amsterdam", null, "1015 AA", "Netherlands")),
                LocalDate.of(1980, 5, 17), "https://acme.example", "Met at the fair;\nlikes tea", List.of("Clients"));
    }

    @Test
    void aContactShouldConvertAndReadBackAsWritten() {
        String card = ContactForms.write(anna("c-1"), null);
        VCards.parse(card, new TestIds()); // the store's conversion takes it
        Contact back = ContactForms.read(card);
        assertThat(back.displayName()).isEqualTo("Dr. Anna Maria de Vries");
        assertThat(back.surname()).isEqualTo("de Vries");
        assertThat(back.company()).isEqualTo("Acme, Inc.");
        assertThat(back.department()).isEqualTo("Sales");
        assertThat(back.emails()).containsExactly(new Typed("work", "anna@acme.example"), new Typed("home", "anna@home.example"));
        assertThat(back.phones()).extracting(Typed::type).containsExactly("mobile", "work");
        assertThat(back.addresses().get(0).city()).isEqualTo("Amsterdam");
        assertThat(back.birthday()).isEqualTo(LocalDate.of(1980, 5, 17));
        assertThat(back.notes()).isEqualTo("Met at the fair;\nlikes tea");
        assertThat(back.categories()).containsExactly("Clients");
    }

    @Test
    void aChangedContactShouldKeepWhatTheFormDoesNotShow() {
        String card = ContactForms.write(anna("c-2"), null).replace("END:VCARD", "IMPP:xmpp:anna@acme.example\r\nX-ZCP-TEST:kept\r\nEND:VCARD");
        Contact a = anna("c-2");
        Contact changed = new Contact(a.uid(), null, "Anna", null, "Jansen", null, null, null, null, null, null,
                List.of(new Typed("work", "anna.jansen@acme.example")), List.of(), List.of(), null, null, null, List.of());
        String after = ContactForms.write(changed, card);
        assertThat(after).contains("IMPP:xmpp:anna@acme.example", "X-ZCP-TEST:kept", "UID:c-2");
        Contact back = ContactForms.read(after);
        assertThat(back.displayName()).isEqualTo("Anna Jansen");
        assertThat(back.emails()).containsExactly(new Typed("work", "anna.jansen@acme.example"));
        assertThat(back.phones()).isEmpty();
        assertThat(back.company()).isNull();
    }

    @Test
    void aContactWithoutAnyNameIsRefused() {
        Contact nothing = new Contact("c-3", null, null, null, null, null, null, null, null, null, null, List.of(),
                List.of(), List.of(), null, null, null, List.of());
        assertThatThrownBy(() -> ContactForms.write(nothing, null)).isInstanceOf(ICalException.class)
                .hasMessageContaining("needs a name");
    }

    @Test
    void aTaskShouldConvertCompleteAndKeepItsExtras() {
        Task t = new Task("t-1", "Write the report", "Two pages", LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 11),
                "IN-PROCESS", 40, 1, null, false, List.of("Work"));
        String text = TaskForms.create(t, NOW).replace("END:VTODO", "X-ZCP-TEST:kept\r\nEND:VTODO");
        ICalItems.parse(text, new TestIds(), SERVER);
        Task back = TaskForms.read(text, SERVER);
        assertThat(back).isEqualTo(t);
        Task done = new Task("t-1", "Write the report", "Two pages", t.start(), t.due(), "COMPLETED", 40, 1, null, false,
                List.of("Work"));
        String after = TaskForms.update(text, done, NOW);
        assertThat(after).contains("X-ZCP-TEST:kept");
        Task read = TaskForms.read(after, SERVER);
        assertThat(read.status()).isEqualTo("COMPLETED");
        assertThat(read.percent()).isEqualTo(100);
        assertThat(read.completed()).isEqualTo(NOW);
        assertThatThrownBy(() -> TaskForms.create(new Task("t-2", "x", null, LocalDate.of(2026, 12, 9),
                LocalDate.of(2026, 12, 8), "NEEDS-ACTION", 0, 0, null, false, List.of()), NOW))
                .hasMessageContaining("due before");
    }
}
