package org.zcp.realm;

import org.wildfly.security.auth.server.RealmUnavailableException;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.ServerAuthenticationContext;
import org.wildfly.security.evidence.PasswordGuessEvidence;

/**
 * A password logon through a security domain, as the store's logon path makes it for every
 * protocol: the realm the domain maps the name to verifies the password, then the domain's
 * permission mapper must grant the identity the login permission. Throttling and the audit
 * lines stay with the caller, around this one call.
 */
public final class PasswordLogon {
    private PasswordLogon() {
    }

    /**
     * Whether {@code password} logs {@code name} on in {@code domain}.
     *
     * @throws RealmUnavailableException when the realm cannot tell now (its directory server
     *         does not answer, or the application behind the plugin realm is not running)
     */
    public static boolean verify(SecurityDomain domain, String name, String password) throws RealmUnavailableException {
        ServerAuthenticationContext ctx = domain.createNewAuthenticationContext();
        char[] guess = password.toCharArray();
        try {
            ctx.setAuthenticationName(name);
            // no exists() first: a realm answers false for an unknown name's evidence, and every
            // question costs Elytron's ldap-realm a search of its own
            if (!ctx.verifyEvidence(new PasswordGuessEvidence(guess)) || !ctx.authorize()) {
                ctx.fail();
                return false;
            }
            ctx.succeed();
            return true;
        } catch (RealmUnavailableException e) {
            ctx.fail();
            throw e;
        } finally {
            java.util.Arrays.fill(guess, '\0');
        }
    }
}
