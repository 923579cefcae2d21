package org.zcp.store.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zcp.protocols.tls.Peers;

/**
 * The store's layout, kept by the build (issue 10, docs/store-api.md): adapters reach the store
 * through its API, never through the database; the core never depends on an adapter; and no
 * package cycle. Its own module (architecture/) has every store module on its class path (the
 * core, the mail flow, the protocol adapters), so one import sees every package; the Maven modules
 * already keep the core from naming the others, these rules keep the others to the store API.
 */
class ArchitectureTest {
    static JavaClasses store;

    @BeforeAll
    static void importStore() {
        store = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.zcp.store");
        // both modules are there: a rule over a package that is missing would pass on nothing
        assertThat(store.contain("org.zcp.store.mapi.ObjectStore")).as("the store core").isTrue();
        assertThat(store.contain("org.zcp.store.spooler.SpoolerService")).as("the mail flow").isTrue();
        assertThat(store.contain("org.zcp.store.gateway.ImapService")).as("the protocol adapters").isTrue();
    }

    @Test
    void gatewayAdaptersNeverTouchTheDatabase() {
        noClasses().that().resideInAPackage("org.zcp.store.gateway..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "java.sql..",
                        "org.zcp.store.entity..", "org.zcp.store.mapi..", "org.zcp.store.core..", "org.zcp.store.cache..",
                        "org.zcp.store.db..")
                .because("IMAP and POP3 are clients of the store API (docs/store-api.md), not writers of queries;"
                        + " they name no entity and no core helper")
                .check(store);
    }

    /**
     * Issue 12 item 4: every password is checked by WildFly Elytron. The security domain's plugin
     * realm reaches the user plugin through DirectoryAccounts; nothing else asks a plugin for a
     * password, so no protocol can log on around the domain (and around its throttling and audit).
     */
    @Test
    void onlyTheElytronRealmAsksAPluginForAPassword() {
        noClasses().that().doNotHaveFullyQualifiedName("org.zcp.store.logon.DirectoryAccounts")
                .should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe("UserPlugin.authenticate",
                        call -> call.getName().equals("authenticate")
                                && call.getTargetOwner().isAssignableTo(org.zcp.store.directory.UserPlugin.class)))
                .because("logons go through the security domain 'zarafa' (SecurityDomainLogon), docs/directory.md")
                .check(store);
    }

    /**
     * Issue 10 item 2: only the store core touches the EntityManager. Delivery, the pipelines,
     * rules, the spooler and the archiver ask the core (ObjectStore, OutgoingRows, AutoReplyLog,
     * ...) and never run a query or lock a row themselves. (An exception type of the persistence
     * API or of JDBC may be named, to tell a store failure from a plugin's.)
     */
    @Test
    void theMailFlowNeverTouchesTheDatabase() {
        noClasses().that().resideInAnyPackage("org.zcp.store.delivery..", "org.zcp.store.dagent..",
                "org.zcp.store.pipeline..", "org.zcp.store.rules..", "org.zcp.store.spooler..",
                "org.zcp.store.archive..")
                .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.EntityManager")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.Query")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.TypedQuery")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.LockModeType")
                .orShould().dependOnClassesThat(resideInAnyPackage("java.sql..", "javax.sql..")
                        .and(not(com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(Throwable.class))))
                .orShould().callMethod(org.zcp.store.mapi.ObjectStore.class, "em")
                .because("the store core owns the database (docs/store-api.md); the mail flow is its client")
                .check(store);
    }

    /**
     * Issue 10 item 1: the store and the MIME conversion speak the store's own types
     * ({@code org.zcp.store.api.*}); the SOAP wire types, fixed by the WSDL, are mapped at the SOAP
     * edge ({@code org.zcp.soap.Wire} in war-soap) and reach no further.
     */
    @Test
    void theStoreSpeaksItsOwnTypesNotSoapWireTypes() {
        JavaClasses storeAndMime = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.zcp.store", "org.zcp.mime");
        noClasses().should().dependOnClassesThat().resideInAPackage("org.zcp.api.soap..")
                .because("SOAP maps its DTOs at its edge (docs/store-api.md)")
                .check(storeAndMime);
    }

    /**
     * Issue 10 item 1: the mail flow is a client of the store API. Delivery, zarafa-dagent, the
     * pipelines, rules, the spooler and archiving reach mailboxes through
     * {@code org.zcp.store.api.Mailboxes}, {@code Outbox} and {@code DeliveryRules}, in the store's
     * own types; they name no entity, no core helper (ObjectStore, StoreManager, MessageService,
     * ...) and no core cache.
     */
    @Test
    void theMailFlowIsAClientOfTheStoreApi() {
        noClasses().that().resideInAnyPackage("org.zcp.store.delivery..", "org.zcp.store.dagent..",
                "org.zcp.store.pipeline..", "org.zcp.store.rules..", "org.zcp.store.spooler..", "org.zcp.store.archive..")
                .should().dependOnClassesThat().resideInAnyPackage("org.zcp.store.entity..", "org.zcp.store.mapi..",
                        "org.zcp.store.core..", "org.zcp.store.cache..", "org.zcp.store.db..", "org.zcp.store.gateway..",
                        "org.zcp.store.logon..")
                .because("the mail flow reaches mailboxes through the store API (docs/store-api.md)")
                .check(store);
    }

    /**
     * Issue 11: CalDAV, CardDAV and the iCal gateway (war-caldav) are clients of the store API
     * ({@code FolderTree}, {@code FolderItems}, {@code WebLogons}); the iCalendar and vCard
     * conversions ({@code org.zcp.ical}) are a pure library over the store's message types. Neither
     * names an entity, a core helper, the database or a SOAP wire type.
     */
    @Test
    void calDavAndTheConversionsAreClientsOfTheStoreApi() {
        JavaClasses dav = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.zcp.caldav", "org.zcp.ical");
        assertThat(dav.contain("org.zcp.caldav.CalDavServlet")).as("war-caldav").isTrue();
        assertThat(dav.contain("org.zcp.ical.ICalItems")).as("the conversions").isTrue();
        noClasses().that().resideInAnyPackage("org.zcp.caldav..", "org.zcp.ical..")
                .should().dependOnClassesThat(resideInAnyPackage("org.zcp.store..", "org.zcp.api.soap..",
                        "jakarta.persistence..", "java.sql..", "javax.sql..", "org.zcp.mime..", "org.zcp.protocols..")
                        .and(not(resideInAnyPackage("org.zcp.store.api.."))))
                .because("the DAV protocols reach the store through its API (docs/calendar.md), like IMAP")
                .check(dav);
        noClasses().that().resideInAPackage("org.zcp.ical..")
                .should().dependOnClassesThat().resideInAnyPackage("org.zcp.caldav..", "jakarta..")
                .because("the conversions are a pure library: no container, no protocol")
                .check(dav);
    }

    /**
     * Issue 13: the web client (war-webaccess) is a client of the store API ({@code WebLogons},
     * {@code MapiObjects}, {@code AddressBook}, {@code ChangeFeed}), like every protocol: no entity,
     * core helper, database or SOAP wire type.
     */
    @Test
    void theWebClientIsAClientOfTheStoreApi() {
        JavaClasses web = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.zcp.webaccess");
        assertThat(web.contain("org.zcp.webaccess.mail.MessageResource")).as("war-webaccess").isTrue();
        noClasses().that().resideInAPackage("org.zcp.webaccess..")
                .should().dependOnClassesThat(resideInAnyPackage("org.zcp.store..", "org.zcp.api.soap..",
                        "jakarta.persistence..", "java.sql..", "javax.sql..", "org.zcp.mime..", "org.zcp.protocols..")
                        .and(not(resideInAnyPackage("org.zcp.store.api.."))))
                .because("the web client reaches the store through its API (docs/webaccess.md)")
                .check(web);
    }

    @Test
    void theStoreCoreNeverDependsOnAnAdapter() {
        noClasses().that().resideInAnyPackage("org.zcp.store.core..", "org.zcp.store.mapi..", "org.zcp.store.entity..",
                "org.zcp.store.db..", "org.zcp.store.cache..", "org.zcp.store.session..")
                .should().dependOnClassesThat(resideInAnyPackage("org.zcp.store.gateway..", "org.zcp.protocols..")
                        .and(not(type(Peers.class))))
                .because("adapters depend on the core, never the reverse (Peers.isLoopback is a pure address check"
                        + " the logon throttle shares with the listeners)")
                .check(store);
    }

    /**
     * No package depends on itself through others (issue 10: the December review found two
     * cycles, {admin, session, directory, cache, mapi} and {archive, delivery, pipeline, spooler};
     * both are untied). A failure names the cycle and every package's dependencies.
     */
    @Test
    void noPackageCycles() {
        Map<String, Set<String>> edges = new TreeMap<>();
        for (JavaClass c : store) {
            String from = slice(c);
            if (from == null) continue;
            edges.computeIfAbsent(from, k -> new TreeSet<>());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String to = slice(d.getTargetClass());
                if (to != null && !to.equals(from)) edges.get(from).add(to);
            }
        }
        List<Set<String>> cycles = stronglyConnected(edges).stream().filter(c -> c.size() > 1).toList();
        assertThat(cycles).as("package cycles (edges: %s)", edges).isEmpty();
    }

    /** The package right below org.zcp.store ("mapi", "gateway", ...), or null outside it. */
    private static String slice(JavaClass c) {
        String p = c.getPackageName();
        if (!p.startsWith("org.zcp.store.")) return null;
        String rest = p.substring("org.zcp.store.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** Tarjan's strongly connected components. */
    private static List<Set<String>> stronglyConnected(Map<String, Set<String>> edges) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new java.util.HashSet<>();
        List<Set<String>> out = new ArrayList<>();
        int[] next = {0};
        for (String v : edges.keySet()) {
            if (!index.containsKey(v)) connect(v, edges, index, low, stack, onStack, out, next);
        }
        return out;
    }

    private static void connect(String v, Map<String, Set<String>> edges, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<Set<String>> out, int[] next) {
        index.put(v, next[0]);
        low.put(v, next[0]++);
        stack.push(v);
        onStack.add(v);
        for (String w : edges.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, edges, index, low, stack, onStack, out, next);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            out.add(component);
        }
    }
}
