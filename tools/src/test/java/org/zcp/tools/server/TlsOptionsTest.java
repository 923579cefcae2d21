package org.zcp.tools.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Review finding #27: OpenSSL-style protocol and cipher lists translated to JSSE, or refused. */
class TlsOptionsTest {
    /** A fixed offer, so the results do not depend on the JDK's. */
    private static final List<String> OFFERED = List.of(
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
            "TLS_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_RSA_WITH_AES_128_CBC_SHA");

    private static List<String> ciphers(String value) {
        return TlsOptions.ciphers("ssl_ciphers", value, OFFERED);
    }

    @Test
    void theOriginalsProtocolListsTranslateToTheTlsVersionsOffered() {
        assertThat(TlsOptions.protocols("p", "")).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(TlsOptions.protocols("p", "!SSLv2")).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(TlsOptions.protocols("p", "!SSLv2 !SSLv3 !TLSv1 !TLSv1.1")).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(TlsOptions.protocols("p", "!TLSv1.3")).containsExactly("TLSv1.2");
        assertThat(TlsOptions.protocols("p", "tlsv1.2")).containsExactly("TLSv1.2");
        assertThat(TlsOptions.protocols("p", "TLSv1.3 TLSv1.2")).containsExactly("TLSv1.3", "TLSv1.2");
    }

    @Test
    void oldProtocolsCannotBeEnabled() {
        assertThatThrownBy(() -> TlsOptions.protocols("server_ssl_protocols", "SSLv3 TLSv1.2"))
                .hasMessage("server_ssl_protocols: SSLv3 cannot be enabled; it is insecure and never offered (only"
                        + " TLSv1.2 and TLSv1.3 are)");
        assertThatThrownBy(() -> TlsOptions.protocols("p", "TLSv1.1")).hasMessageContaining("TLSv1.1 cannot be enabled");
        assertThatThrownBy(() -> TlsOptions.protocols("p", "TLSv1")).hasMessageContaining("TLSv1 cannot be enabled");
    }

    @Test
    void unknownOrEmptyProtocolListsAreRefused() {
        assertThatThrownBy(() -> TlsOptions.protocols("p", "!SSLv4")).hasMessageContaining("unknown protocol '!SSLv4'");
        assertThatThrownBy(() -> TlsOptions.protocols("p", "!TLSv1.2 !TLSv1.3"))
                .hasMessage("p = !TLSv1.2 !TLSv1.3 leaves no protocol enabled");
    }

    @Test
    void theOriginalsDefaultCipherListKeepsEverythingOffered() {
        assertThat(ciphers("ALL:!LOW:!SSLv2:!EXP:!aNULL")).containsExactlyElementsOf(OFFERED);
        assertThat(ciphers("HIGH:!aNULL:!MD5:!RC4:!3DES")).containsExactlyElementsOf(OFFERED);
    }

    @Test
    void suiteNamesInOpensslOrStandardFormKeepTheirOrder() {
        assertThat(ciphers("AES128-SHA:ECDHE-RSA-AES128-GCM-SHA256:TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"))
                .containsExactly("TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
        assertThat(ciphers("ECDHE-RSA-CHACHA20-POLY1305,ECDHE-RSA-AES256-SHA ECDHE-RSA-AES128-SHA256"))
                .containsExactly("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
                        "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256");
    }

    @Test
    void keywordsOperatorsAndConjunctionsWorkAsInOpenssl() {
        assertThat(ciphers("HIGH:!kRSA:!SHA1")).containsExactly("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
                "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256");
        assertThat(ciphers("kEECDH+AESGCM+aRSA")).containsExactly("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        // '!' removes for good, '-' only until added again, '+' moves to the end
        assertThat(ciphers("!kRSA:ALL:+AES256")).containsExactly("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
                "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA");
        assertThat(ciphers("-kRSA:RSA+AESGCM")).containsExactly("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_RSA_WITH_AES_256_GCM_SHA384");
        assertThat(ciphers("AES128:AES256:@STRENGTH").get(0)).isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
    }

    @Test
    void listsSelectingNothingOfferedAreRefused() {
        assertThatThrownBy(() -> ciphers("RC4-SHA:DES-CBC3-SHA"))
                .hasMessageStartingWith("ssl_ciphers = RC4-SHA:DES-CBC3-SHA selects none of the cipher suites offered"
                        + " (ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-CHACHA20-POLY1305:");
        assertThatThrownBy(() -> ciphers("3DES:RC4")).hasMessageContaining("selects none");
    }

    @Test
    void unknownKeywordsAndOptionsAreRefused() {
        assertThatThrownBy(() -> ciphers("ALL:!FROB")).hasMessage("ssl_ciphers: unknown cipher keyword 'FROB'");
        assertThatThrownBy(() -> ciphers("DEFAULT:@SECLEVEL=2"))
                .hasMessage("ssl_ciphers: '@SECLEVEL=2' is not supported (only @STRENGTH is)");
    }

    @Test
    void theJdksOfferIsParsedWhole() {
        assertThat(TlsOptions.available()).isNotEmpty();
        assertThat(TlsOptions.ciphers("c", "ALL", TlsOptions.available())).isEqualTo(TlsOptions.available());
    }
}
