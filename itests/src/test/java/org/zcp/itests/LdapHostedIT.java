package org.zcp.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zcp.api.mapi.MapiError;
import org.zcp.api.soap.AddressEntry;
import org.zcp.api.soap.CompanyDetails;
import org.zcp.api.soap.MapiException;
import org.zcp.api.soap.UserDetails;
import org.zcp.api.soap.ZarafaCmd;

/**
 * Multi-tenancy from LDAP (manual 6.2 with user_plugin = ldap): companies are the zarafa-company
 * entries of hosted.ldif on a private slapd, their users the entries below them. What a company
 * may see (zarafaViewPrivilege), who administers it from elsewhere (zarafaAdminPrivilege), its
 * system administrator (zarafaSystemAdmin) and send-as lists (zarafaSendAsPrivilege) come from
 * LDAP and hold in the server: a company administrator sees and manages only what is his.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LdapHostedIT {
    static ZarafaCmd c;
    static String admin;

    @BeforeAll
    static void setUp() throws Exception {
        c = ItServer.client();
        admin = ItServer.admin();
    }

    static List<String> gal(String session) throws MapiException {
        return c.getGlobalAddressBook(session).stream().map(e -> e.name).toList();
    }

    /**
     * This run reaches slapd over ldaps:// with ldap_tls_cacert naming the run's own CA: the
     * plugin's connection and Elytron's ldap-realm "zarafa-ldaps" (issue 12 item 4), whose bind as
     * the user slapd sees on a TLS connection (ssf above 0).
     */
    @Test
    void passwordsAreCheckedByElytronOverLdaps() throws Exception {
        assertThat(Files.readString(ItServer.dir().resolve("log/server.log")))
                .contains("logons are checked by the Elytron security domain 'zarafa', realm zarafa-ldaps");
        String bind = "BIND dn=\"uid=alice,ou=Acme,dc=example,dc=com\" mech=SIMPLE";
        List<String> lines = LdapIT.slapdLog(ItServer.dir().resolve("slapd"),
                () -> ItServer.logon("alice@Acme", "alice-secret"), bind);
        assertThat(lines).anyMatch(l -> l.contains(bind) && l.matches(".* ssf=[1-9][0-9]*.*"));
        assertThat(lines).anyMatch(l -> l.contains("filter=\"(&(objectClass=posixAccount)(uid=alice))\""));
    }

    @Test
    void companiesComeFromLdapWithTheirPublicStores() throws Exception {
        assertThat(c.getCompanyList(admin)).extracting(x -> x.companyName).contains("Acme", "Globex", "Initech");
        assertThat(c.getPublicStore(admin, "Acme").storeId).isNotNull();
        // zarafaSystemAdmin: aadmin is Acme's system administrator
        CompanyDetails acme = c.getCompany(admin, "Acme");
        assertThat(acme.adminName).isEqualTo("aadmin@Acme");
        // LDAP owns the lists: the server refuses to change them
        assertThat(ItServer.fault(() -> c.addCompanyToRemoteViewList(admin, "Initech", "Acme"))).isEqualTo(MapiError.MAPI_E_NO_SUPPORT);
    }

    @Test
    void usersLogOnWithTheirCompanyAndSeeOnlyWhatTheyMay() throws Exception {
        String alice = ItServer.logon("alice@Acme", "alice-secret");
        assertThat(gal(alice)).contains("alice@Acme", "aadmin@Acme", "Acme Staff")
                .doesNotContain("bob@Globex", "gadmin@Globex", "ian@Initech");
        // Globex may view Acme (Acme's zarafaViewPrivilege), so bob sees both
        String bob = ItServer.logon("bob@Globex", "bob-secret");
        assertThat(gal(bob)).contains("bob@Globex", "alice@Acme").doesNotContain("ian@Initech");
        // a name of another company does not log on without its company, nor with the wrong one
        assertThat(ItServer.fault(() -> ItServer.logon("alice", "alice-secret"))).isEqualTo(MapiError.MAPI_E_LOGON_FAILED);
        assertThat(ItServer.fault(() -> ItServer.logon("alice@Globex", "alice-secret"))).isEqualTo(MapiError.MAPI_E_LOGON_FAILED);
        List<AddressEntry> resolved = c.resolveNames(bob, List.of("ian")).get(0).entries;
        assertThat(resolved).isEmpty();
        // one global address book per company bob may view, his own first; Initech's is not his to open
        List<org.zcp.api.soap.AddressContainer> books = c.getAddressBookHierarchy(bob);
        assertThat(books).extracting(b -> b.name + "/" + b.type).containsExactly("Globex/company", "Acme/company");
        assertThat(c.getAddressContainer(bob, books.get(1).entryId)).extracting(e -> e.name)
                .contains("alice@Acme", "Acme Staff").doesNotContain("bob@Globex");
        String initech = c.getAddressBookHierarchy(admin).stream().filter(b -> b.name.equals("Initech")).findFirst()
                .orElseThrow().entryId;
        assertThat(ItServer.fault(() -> c.getAddressContainer(bob, initech))).isEqualTo(MapiError.MAPI_E_NOT_FOUND);
    }

    @Test
    void aCompanyAdministratorFromLdapManagesOnlyHisCompany() throws Exception {
        String aadmin = ItServer.logon("aadmin@Acme", "aadmin-secret");
        assertThat(c.getUserList(aadmin, "Acme")).extracting(u -> u.userName).contains("alice@Acme", "aadmin@Acme");
        UserDetails alice = c.getUser(aadmin, "alice@Acme");
        assertThat(alice.email).isEqualTo("alice@acme.example");
        assertThat(ItServer.fault(() -> c.getUserList(aadmin, "Initech"))).isIn(MapiError.MAPI_E_NOT_FOUND, MapiError.MAPI_E_NO_ACCESS);
        assertThat(ItServer.fault(() -> c.getUserList(aadmin, "Globex"))).isIn(MapiError.MAPI_E_NOT_FOUND, MapiError.MAPI_E_NO_ACCESS);
        // gadmin of Globex administers Acme through Acme's zarafaAdminPrivilege, and not Initech
        String gadmin = ItServer.logon("gadmin@Globex", "gadmin-secret");
        assertThat(c.getUserList(gadmin, "Acme")).extracting(u -> u.userName).contains("alice@Acme");
        assertThat(c.getRemoteAdminList(admin, "Acme")).extracting(u -> u.userName).containsExactly("gadmin@Globex");
        assertThat(ItServer.fault(() -> c.getUserList(gadmin, "Initech"))).isIn(MapiError.MAPI_E_NOT_FOUND, MapiError.MAPI_E_NO_ACCESS);
    }

    @Test
    void sendAsListsComeFromLdap() throws Exception {
        assertThat(c.getSendAsList(admin, "alice@Acme")).extracting(u -> u.userName).containsExactly("aadmin@Acme");
        assertThat(ItServer.fault(() -> c.addSendAsUser(admin, "alice@Acme", "aadmin@Acme"))).isEqualTo(MapiError.MAPI_E_NO_SUPPORT);
    }
}
