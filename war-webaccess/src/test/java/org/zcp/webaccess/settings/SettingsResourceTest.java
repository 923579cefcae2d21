package org.zcp.webaccess.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.zcp.webaccess.ApiException;
import org.zcp.webaccess.settings.SettingsResource.Signature;
import org.zcp.webaccess.settings.SettingsResource.UserSettings;

class SettingsResourceTest {
    @Test
    void anHtmlSignatureIsKeptSanitised() {
        UserSettings s = SettingsResource.valid(new UserSettings("de", "Europe/Berlin",
                new Signature(true, "<p><b>Anna</b> <img src=x onerror=alert(1)><script>alert(2)</script></p>"), true, null, null));
        assertThat(s.language()).isEqualTo("de");
        assertThat(s.timezone()).isEqualTo("Europe/Berlin");
        assertThat(s.signature().body()).contains("<b>Anna</b>").doesNotContain("onerror", "<script", "alert");
        assertThat(s.signatureOnReply()).isTrue();
    }

    @Test
    void aPlainSignatureIsKeptAsTyped() {
        UserSettings s = SettingsResource.valid(new UserSettings("en", "UTC", new Signature(false, "-- \n<Anna>"), false, null, null));
        assertThat(s.signature().body()).isEqualTo("-- \n<Anna>");
    }

    @Test
    void unknownLanguagesZonesAndHugeSignaturesAreRefused() {
        assertThatThrownBy(() -> SettingsResource.valid(new UserSettings("xx", "UTC", null, false, null, null)))
                .isInstanceOf(ApiException.class).hasMessageContaining("languages");
        assertThatThrownBy(() -> SettingsResource.valid(new UserSettings("en", "Mars/Olympus", null, false, null, null)))
                .isInstanceOf(ApiException.class).hasMessageContaining("not a time zone");
        assertThatThrownBy(() -> SettingsResource.valid(new UserSettings("en", "UTC",
                new Signature(false, "x".repeat(16 * 1024 + 1)), false, null, null)))
                .isInstanceOf(ApiException.class).hasMessageContaining("16 KB");
        assertThatThrownBy(() -> SettingsResource.valid(new UserSettings("en", "UTC", null, false,
                java.util.List.of("bob/12", "../x"), null)))
                .isInstanceOf(ApiException.class).hasMessageContaining("openCalendars");
    }
}
