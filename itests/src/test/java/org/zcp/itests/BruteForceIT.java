package org.zcp.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zcp.itests.Fixture.assertFault;

import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zcp.api.soap.MapiException;
import org.zcp.api.soap.ZarafaCmd;

/**
 * Password guessing over SOAP (issue 9, review finding 10): failed logons of one account slow
 * it down (logon_throttle_failures, 5 by default) and the refusals are audit-logged; an unknown
 * account costs the same key derivation as a wrong password, so timing tells nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BruteForceIT {
    static ZarafaCmd c;
    static String admin;
    static String company;

    @BeforeAll
    static void setUp() throws Exception {
        c = ItServer.client();
        admin = ItServer.admin();
        company = ItServer.company(admin);
    }

    @Test
    void anAccountIsThrottledAfterFiveFailuresAndTheRefusalIsAudited() throws Exception {
        String victim = ItServer.user(admin, company, "victim");
        for (int i = 0; i < 5; i++) {
            String guess = "guess" + i;
            assertFault(() -> c.logon(victim, guess, null, "bruteforce"), "MAPI_E_LOGON_FAILED");
        }

        // even the right password waits out the delay after the fifth failure
        assertFault(() -> c.logon(victim, ItServer.password(victim), null, "bruteforce"), "MAPI_E_LOGON_FAILED");
        assertThat(ItServer.auditLog()).anySatisfy(l -> assertThat(l).contains("authenticate failed")
                .contains("user='" + victim + "'").contains("reason='throttled"));

        // after the delay (1 s after the threshold) the owner gets in again
        String session = null;
        long until = System.currentTimeMillis() + 15_000;
        while (session == null && System.currentTimeMillis() < until) {
            try {
                session = c.logon(victim, ItServer.password(victim), null, "owner").sessionId;
            } catch (MapiException e) {
                Thread.sleep(250);
            }
        }
        assertThat(session).as("logon after the delay").isNotNull();
    }

    @Test
    void anUnknownAccountCostsAsMuchAsAWrongPassword() throws Exception {
        List<String> known = new ArrayList<>();
        for (int i = 0; i < 4; i++) known.add(ItServer.user(admin, company, "timing" + i));
        // warm up the derivation and the logon path
        timeFailedLogon(known.get(0));
        timeFailedLogon("nobody-warm@" + company);

        long knownNs = 0;
        long unknownNs = 0;
        for (int i = 0; i < 4; i++) {
            knownNs += timeFailedLogon(known.get(i));
            unknownNs += timeFailedLogon("nobody" + i + "@" + company);
        }
        System.out.printf("failed logon: existing user %.1f ms, unknown user %.1f ms (mean of 4)%n",
                knownNs / 4e6, unknownNs / 4e6);
        // without the dummy derivation an unknown user answered ~30 times faster
        assertThat(unknownNs).isGreaterThan(knownNs / 3);
    }

    private static long timeFailedLogon(String user) {
        long t0 = System.nanoTime();
        assertFault(() -> c.logon(user, "wrong-password", null, "timing"), "MAPI_E_LOGON_FAILED");
        return System.nanoTime() - t0;
    }
}
