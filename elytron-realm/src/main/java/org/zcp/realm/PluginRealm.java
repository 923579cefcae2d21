package org.zcp.realm;

import java.security.Principal;
import java.security.spec.AlgorithmParameterSpec;
import org.wildfly.security.auth.SupportLevel;
import org.wildfly.security.auth.server.RealmIdentity;
import org.wildfly.security.auth.server.RealmUnavailableException;
import org.wildfly.security.auth.server.SecurityRealm;
import org.wildfly.security.authz.AuthorizationIdentity;
import org.wildfly.security.credential.Credential;
import org.wildfly.security.evidence.Evidence;
import org.wildfly.security.evidence.PasswordGuessEvidence;

/**
 * The Elytron realm over the configured user plugin (custom-realm "zarafa-plugin" of
 * configure.cli): identities are the plugin's users, verified by password guess only (the
 * plugins keep hashes or ask LDAP, they never hand out a credential). An unreachable directory
 * is {@link RealmUnavailableException}, which the logon path tells apart from a wrong password.
 */
public class PluginRealm implements SecurityRealm {

    @Override
    public RealmIdentity getRealmIdentity(Principal principal) {
        return principal == null ? RealmIdentity.NON_EXISTENT : new Identity(principal);
    }

    @Override
    public SupportLevel getCredentialAcquireSupport(Class<? extends Credential> credentialType, String algorithmName,
            AlgorithmParameterSpec parameterSpec) {
        return SupportLevel.UNSUPPORTED;
    }

    @Override
    public SupportLevel getEvidenceVerifySupport(Class<? extends Evidence> evidenceType, String algorithmName) {
        return PasswordGuessEvidence.class.isAssignableFrom(evidenceType) ? SupportLevel.POSSIBLY_SUPPORTED
                : SupportLevel.UNSUPPORTED;
    }

    private static final class Identity implements RealmIdentity {
        private final Principal principal;

        Identity(Principal principal) {
            this.principal = principal;
        }

        @Override
        public Principal getRealmIdentityPrincipal() {
            return principal;
        }

        @Override
        public SupportLevel getCredentialAcquireSupport(Class<? extends Credential> credentialType, String algorithmName,
                AlgorithmParameterSpec parameterSpec) {
            return SupportLevel.UNSUPPORTED;
        }

        @Override
        public <C extends Credential> C getCredential(Class<C> credentialType) {
            return null;
        }

        @Override
        public SupportLevel getEvidenceVerifySupport(Class<? extends Evidence> evidenceType, String algorithmName) {
            return PasswordGuessEvidence.class.isAssignableFrom(evidenceType) ? SupportLevel.SUPPORTED
                    : SupportLevel.UNSUPPORTED;
        }

        @Override
        public boolean verifyEvidence(Evidence evidence) throws RealmUnavailableException {
            if (!(evidence instanceof PasswordGuessEvidence guess)) return false;
            try {
                return AccountsRegistry.current().verify(principal.getName(), new String(guess.getGuess()));
            } catch (AccountsUnavailableException e) {
                throw new RealmUnavailableException(e.getMessage(), e);
            }
        }

        @Override
        public boolean exists() throws RealmUnavailableException {
            try {
                return AccountsRegistry.current().exists(principal.getName());
            } catch (AccountsUnavailableException e) {
                throw new RealmUnavailableException(e.getMessage(), e);
            }
        }

        @Override
        public AuthorizationIdentity getAuthorizationIdentity() {
            return AuthorizationIdentity.EMPTY;
        }
    }
}
