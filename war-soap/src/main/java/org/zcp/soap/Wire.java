package org.zcp.soap;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.zcp.api.soap.AclEntry;
import org.zcp.api.soap.ArchiveInfo;
import org.zcp.api.soap.Attachment;
import org.zcp.api.soap.CompanyDetails;
import org.zcp.api.soap.DeliveryResult;
import org.zcp.api.soap.GroupDetails;
import org.zcp.api.soap.HeaderMatch;
import org.zcp.api.soap.Message;
import org.zcp.api.soap.NamedProp;
import org.zcp.api.soap.OrphanReport;
import org.zcp.api.soap.OrphanStore;
import org.zcp.api.soap.PropValue;
import org.zcp.api.soap.QuotaStatus;
import org.zcp.api.soap.Recipient;
import org.zcp.api.soap.Restriction;
import org.zcp.api.soap.Row;
import org.zcp.api.soap.Rule;
import org.zcp.api.soap.RuleAction;
import org.zcp.api.soap.RuleCondition;
import org.zcp.api.soap.SortOrder;
import org.zcp.api.soap.StoreInfo;
import org.zcp.api.soap.TableQuery;
import org.zcp.api.soap.TableResult;
import org.zcp.api.soap.UserDetails;

/**
 * The SOAP edge: the wire types of the WSDL ({@code org.zcp.api.soap}) to the store's own types
 * ({@code org.zcp.store.api.*}) and back. {@code in} maps what a client sent, {@code out} what the
 * store answers; null stays null (the wire's "absent", which several operations give a meaning:
 * a message saved without a recipient list keeps its recipients). Every field is carried; a field
 * added on one side only fails {@code WireTest}, which fills every field and maps both ways.
 */
final class Wire {
    private Wire() {
    }

    // ---- properties ----------------------------------------------------------------------------

    static org.zcp.store.api.mapi.PropValue in(PropValue w) {
        if (w == null) return null;
        org.zcp.store.api.mapi.PropValue p = new org.zcp.store.api.mapi.PropValue();
        p.tag = w.tag;
        p.l = w.l;
        p.d = w.d;
        p.b = w.b;
        p.s = w.s;
        p.bin = w.bin;
        p.mvl = w.mvl;
        p.mvs = w.mvs;
        p.mvbin = w.mvbin;
        p.error = w.error;
        return p;
    }

    static PropValue out(org.zcp.store.api.mapi.PropValue p) {
        if (p == null) return null;
        PropValue w = new PropValue();
        w.tag = p.tag;
        w.l = p.l;
        w.d = p.d;
        w.b = p.b;
        w.s = p.s;
        w.bin = p.bin;
        w.mvl = p.mvl;
        w.mvs = p.mvs;
        w.mvbin = p.mvbin;
        w.error = p.error;
        return w;
    }

    static List<org.zcp.store.api.mapi.PropValue> propsIn(List<PropValue> list) {
        return map(list, Wire::in);
    }

    static List<PropValue> propsOut(List<org.zcp.store.api.mapi.PropValue> list) {
        return map(list, Wire::out);
    }

    static org.zcp.store.api.mapi.NamedProp in(NamedProp w) {
        if (w == null) return null;
        org.zcp.store.api.mapi.NamedProp n = new org.zcp.store.api.mapi.NamedProp();
        n.guid = w.guid;
        n.id = w.id;
        n.name = w.name;
        return n;
    }

    static NamedProp out(org.zcp.store.api.mapi.NamedProp n) {
        if (n == null) return null;
        NamedProp w = new NamedProp();
        w.guid = n.guid;
        w.id = n.id;
        w.name = n.name;
        return w;
    }

    // ---- messages ------------------------------------------------------------------------------

    static org.zcp.store.api.mapi.Message in(Message w) {
        if (w == null) return null;
        org.zcp.store.api.mapi.Message m = new org.zcp.store.api.mapi.Message();
        m.entryId = w.entryId;
        m.parentId = w.parentId;
        m.props = listIn(w.props, Wire::in);
        m.recipients = map(w.recipients, Wire::in);
        m.attachments = map(w.attachments, Wire::in);
        return m;
    }

    static Message out(org.zcp.store.api.mapi.Message m) {
        if (m == null) return null;
        Message w = new Message();
        w.entryId = m.entryId;
        w.parentId = m.parentId;
        w.props = listOut(m.props, Wire::out);
        w.recipients = map(m.recipients, Wire::out);
        w.attachments = map(m.attachments, Wire::out);
        return w;
    }

    static org.zcp.store.api.mapi.Recipient in(Recipient w) {
        if (w == null) return null;
        org.zcp.store.api.mapi.Recipient r = new org.zcp.store.api.mapi.Recipient();
        r.props = listIn(w.props, Wire::in);
        return r;
    }

    static Recipient out(org.zcp.store.api.mapi.Recipient r) {
        if (r == null) return null;
        Recipient w = new Recipient();
        w.props = listOut(r.props, Wire::out);
        return w;
    }

    static org.zcp.store.api.mapi.Attachment in(Attachment w) {
        if (w == null) return null;
        org.zcp.store.api.mapi.Attachment a = new org.zcp.store.api.mapi.Attachment();
        a.attachNum = w.attachNum;
        a.props = listIn(w.props, Wire::in);
        a.data = w.data;
        a.size = w.size;
        a.embedded = in(w.embedded);
        return a;
    }

    static Attachment out(org.zcp.store.api.mapi.Attachment a) {
        if (a == null) return null;
        Attachment w = new Attachment();
        w.attachNum = a.attachNum;
        w.props = listOut(a.props, Wire::out);
        w.data = a.data;
        w.size = a.size;
        w.embedded = out(a.embedded);
        return w;
    }

    // ---- tables --------------------------------------------------------------------------------

    static org.zcp.store.api.mapi.TableQuery in(TableQuery w) {
        if (w == null) return null;
        org.zcp.store.api.mapi.TableQuery q = new org.zcp.store.api.mapi.TableQuery();
        q.columns = w.columns == null ? new ArrayList<>() : new ArrayList<>(w.columns);
        q.sort = listIn(w.sort, Wire::in);
        q.restriction = in(w.restriction);
        q.start = w.start;
        q.count = w.count;
        q.flags = w.flags;
        return q;
    }

    static org.zcp.store.api.mapi.SortOrder in(SortOrder w) {
        return w == null ? null : new org.zcp.store.api.mapi.SortOrder(w.tag, w.descending);
    }

    static org.zcp.store.api.mapi.Restriction in(Restriction w) {
        if (w == null) return null;
        org.zcp.store.api.mapi.Restriction r = new org.zcp.store.api.mapi.Restriction();
        r.type = w.type;
        r.relop = w.relop;
        r.fuzzy = w.fuzzy;
        r.tag = w.tag;
        r.mask = w.mask;
        r.value = in(w.value);
        r.subs = listIn(w.subs, Wire::in);
        return r;
    }

    static TableResult out(org.zcp.store.api.mapi.TableResult t) {
        if (t == null) return null;
        TableResult w = new TableResult();
        w.rowCount = t.rowCount;
        w.rows = listOut(t.rows, r -> r == null ? null : new Row(propsOut(r.props)));
        return w;
    }

    // ---- stores, permissions, quota ------------------------------------------------------------

    static StoreInfo out(org.zcp.store.api.mapi.StoreInfo s) {
        if (s == null) return null;
        StoreInfo w = new StoreInfo();
        w.storeId = s.storeId;
        w.guid = s.guid;
        w.type = s.type;
        w.ownerName = s.ownerName;
        w.companyName = s.companyName;
        w.rootId = s.rootId;
        w.ipmSubtreeId = s.ipmSubtreeId;
        w.inboxId = s.inboxId;
        w.size = s.size;
        return w;
    }

    static QuotaStatus out(org.zcp.store.api.mapi.QuotaStatus q) {
        if (q == null) return null;
        QuotaStatus w = new QuotaStatus();
        w.storeSize = q.storeSize;
        w.warn = q.warn;
        w.soft = q.soft;
        w.hard = q.hard;
        w.status = q.status;
        return w;
    }

    static org.zcp.store.api.mapi.AclEntry in(AclEntry w) {
        return w == null ? null : new org.zcp.store.api.mapi.AclEntry(w.memberName, w.memberType, w.rights);
    }

    static AclEntry out(org.zcp.store.api.mapi.AclEntry a) {
        return a == null ? null : new AclEntry(a.memberName, a.memberType, a.rights);
    }

    static org.zcp.api.soap.AddressContainer out(org.zcp.store.directory.GalService.Container c) {
        org.zcp.api.soap.AddressContainer a = new org.zcp.api.soap.AddressContainer();
        a.entryId = c.entryId();
        a.name = c.name();
        a.type = c.type();
        a.depth = c.depth();
        return a;
    }

    static org.zcp.api.soap.AddressEntry out(org.zcp.store.directory.GalService.Entry e) {
        org.zcp.api.soap.AddressEntry a = new org.zcp.api.soap.AddressEntry();
        a.entryId = e.entryId();
        a.type = e.type();
        a.name = e.name();
        a.fullName = e.fullName();
        a.email = e.email();
        a.aliases = new java.util.ArrayList<>(e.aliases());
        a.company = e.company();
        a.securityGroup = e.securityGroup();
        return a;
    }

    static org.zcp.api.soap.ResolvedName out(org.zcp.store.directory.GalService.Resolved r) {
        org.zcp.api.soap.ResolvedName n = new org.zcp.api.soap.ResolvedName();
        n.query = r.query();
        n.status = r.status();
        n.entries = map(r.entries(), Wire::out);
        return n;
    }

    static OrphanReport out(org.zcp.store.api.admin.OrphanReport r) {
        if (r == null) return null;
        OrphanReport w = new OrphanReport();
        w.stores = listOut(r.stores, s -> {
            if (s == null) return null;
            OrphanStore o = new OrphanStore();
            o.guid = s.guid;
            o.guessedUserName = s.guessedUserName;
            o.lastModified = s.lastModified;
            o.size = s.size;
            o.type = s.type;
            return o;
        });
        w.usersWithoutStore = r.usersWithoutStore == null ? new ArrayList<>() : new ArrayList<>(r.usersWithoutStore);
        return w;
    }

    static ArchiveInfo out(org.zcp.store.api.admin.ArchiveInfo a) {
        return a == null ? null : new ArchiveInfo(a.archiveUser, a.folder);
    }

    static DeliveryResult out(org.zcp.store.api.delivery.DeliveryResult d) {
        if (d == null) return null;
        DeliveryResult w = new DeliveryResult();
        w.recipient = d.recipient;
        w.status = d.status;
        w.messageId = d.messageId;
        w.detail = d.detail;
        return w;
    }

    // ---- rules ---------------------------------------------------------------------------------

    static org.zcp.store.api.rules.Rule in(Rule w) {
        if (w == null) return null;
        org.zcp.store.api.rules.Rule r = new org.zcp.store.api.rules.Rule();
        r.name = w.name;
        r.enabled = w.enabled;
        r.sequence = w.sequence;
        r.condition = in(w.condition);
        r.actions = listIn(w.actions, a -> {
            if (a == null) return null;
            org.zcp.store.api.rules.RuleAction x = new org.zcp.store.api.rules.RuleAction(a.type);
            x.folderId = a.folderId;
            x.addresses = a.addresses == null ? new ArrayList<>() : new ArrayList<>(a.addresses);
            return x;
        });
        r.stop = w.stop;
        return r;
    }

    static Rule out(org.zcp.store.api.rules.Rule r) {
        if (r == null) return null;
        Rule w = new Rule();
        w.name = r.name;
        w.enabled = r.enabled;
        w.sequence = r.sequence;
        w.condition = out(r.condition);
        w.actions = listOut(r.actions, a -> {
            if (a == null) return null;
            RuleAction x = new RuleAction(a.type);
            x.folderId = a.folderId;
            x.addresses = a.addresses == null ? new ArrayList<>() : new ArrayList<>(a.addresses);
            return x;
        });
        w.stop = r.stop;
        return w;
    }

    static org.zcp.store.api.rules.RuleCondition in(RuleCondition w) {
        if (w == null) return null;
        org.zcp.store.api.rules.RuleCondition c = new org.zcp.store.api.rules.RuleCondition();
        c.fromContains = strings(w.fromContains);
        c.sentToContains = strings(w.sentToContains);
        c.subjectContains = strings(w.subjectContains);
        c.headers = listIn(w.headers, h -> h == null ? null : new org.zcp.store.api.rules.HeaderMatch(h.name, h.contains));
        c.sizeAbove = w.sizeAbove;
        c.sizeBelow = w.sizeBelow;
        c.sentOnlyToMe = w.sentOnlyToMe;
        return c;
    }

    static RuleCondition out(org.zcp.store.api.rules.RuleCondition c) {
        if (c == null) return null;
        RuleCondition w = new RuleCondition();
        w.fromContains = strings(c.fromContains);
        w.sentToContains = strings(c.sentToContains);
        w.subjectContains = strings(c.subjectContains);
        w.headers = listOut(c.headers, h -> h == null ? null : new HeaderMatch(h.name, h.contains));
        w.sizeAbove = c.sizeAbove;
        w.sizeBelow = c.sizeBelow;
        w.sentOnlyToMe = c.sentOnlyToMe;
        return w;
    }

    // ---- directory -----------------------------------------------------------------------------

    static org.zcp.store.api.admin.UserDetails in(UserDetails w) {
        if (w == null) return null;
        org.zcp.store.api.admin.UserDetails u = new org.zcp.store.api.admin.UserDetails();
        u.userName = w.userName;
        u.password = w.password;
        u.fullName = w.fullName;
        u.email = w.email;
        u.active = w.active;
        u.adminLevel = w.adminLevel;
        u.hidden = w.hidden;
        u.company = w.company;
        u.quotaOverride = w.quotaOverride;
        u.quotaWarn = w.quotaWarn;
        u.quotaSoft = w.quotaSoft;
        u.quotaHard = w.quotaHard;
        u.lastLogon = w.lastLogon;
        u.lastLogoff = w.lastLogoff;
        u.storeSize = w.storeSize;
        u.hasStore = w.hasStore;
        u.groups = strings(w.groups);
        u.enabledFeatures = strings(w.enabledFeatures);
        u.disabledFeatures = strings(w.disabledFeatures);
        u.resourceType = w.resourceType;
        u.resourceCapacity = w.resourceCapacity;
        u.mrAccept = w.mrAccept;
        u.mrDeclineConflict = w.mrDeclineConflict;
        u.mrDeclineRecurring = w.mrDeclineRecurring;
        return u;
    }

    static UserDetails out(org.zcp.store.api.admin.UserDetails u) {
        if (u == null) return null;
        UserDetails w = new UserDetails();
        w.userName = u.userName;
        w.password = u.password;
        w.fullName = u.fullName;
        w.email = u.email;
        w.active = u.active;
        w.adminLevel = u.adminLevel;
        w.hidden = u.hidden;
        w.company = u.company;
        w.quotaOverride = u.quotaOverride;
        w.quotaWarn = u.quotaWarn;
        w.quotaSoft = u.quotaSoft;
        w.quotaHard = u.quotaHard;
        w.lastLogon = u.lastLogon;
        w.lastLogoff = u.lastLogoff;
        w.storeSize = u.storeSize;
        w.hasStore = u.hasStore;
        w.groups = strings(u.groups);
        w.enabledFeatures = strings(u.enabledFeatures);
        w.disabledFeatures = strings(u.disabledFeatures);
        w.resourceType = u.resourceType;
        w.resourceCapacity = u.resourceCapacity;
        w.mrAccept = u.mrAccept;
        w.mrDeclineConflict = u.mrDeclineConflict;
        w.mrDeclineRecurring = u.mrDeclineRecurring;
        return w;
    }

    static org.zcp.store.api.admin.GroupDetails in(GroupDetails w) {
        if (w == null) return null;
        org.zcp.store.api.admin.GroupDetails g = new org.zcp.store.api.admin.GroupDetails();
        g.groupName = w.groupName;
        g.fullName = w.fullName;
        g.email = w.email;
        g.hidden = w.hidden;
        g.company = w.company;
        return g;
    }

    static GroupDetails out(org.zcp.store.api.admin.GroupDetails g) {
        if (g == null) return null;
        GroupDetails w = new GroupDetails();
        w.groupName = g.groupName;
        w.fullName = g.fullName;
        w.email = g.email;
        w.hidden = g.hidden;
        w.company = g.company;
        return w;
    }

    static org.zcp.store.api.admin.CompanyDetails in(CompanyDetails w) {
        if (w == null) return null;
        org.zcp.store.api.admin.CompanyDetails c = new org.zcp.store.api.admin.CompanyDetails();
        c.companyName = w.companyName;
        c.adminName = w.adminName;
        c.quotaOverride = w.quotaOverride;
        c.quotaWarn = w.quotaWarn;
        c.userDefaultQuotaOverride = w.userDefaultQuotaOverride;
        c.userDefaultQuotaWarn = w.userDefaultQuotaWarn;
        c.userDefaultQuotaSoft = w.userDefaultQuotaSoft;
        c.userDefaultQuotaHard = w.userDefaultQuotaHard;
        c.storeSize = w.storeSize;
        return c;
    }

    static CompanyDetails out(org.zcp.store.api.admin.CompanyDetails c) {
        if (c == null) return null;
        CompanyDetails w = new CompanyDetails();
        w.companyName = c.companyName;
        w.adminName = c.adminName;
        w.quotaOverride = c.quotaOverride;
        w.quotaWarn = c.quotaWarn;
        w.userDefaultQuotaOverride = c.userDefaultQuotaOverride;
        w.userDefaultQuotaWarn = c.userDefaultQuotaWarn;
        w.userDefaultQuotaSoft = c.userDefaultQuotaSoft;
        w.userDefaultQuotaHard = c.userDefaultQuotaHard;
        w.storeSize = c.storeSize;
        return w;
    }

    // ---- lists ---------------------------------------------------------------------------------

    /** A list mapped element by element; null stays null (absent on the wire). */
    static <A, B> List<B> map(List<A> list, Function<A, B> f) {
        if (list == null) return null;
        List<B> out = new ArrayList<>(list.size());
        for (A a : list) out.add(f.apply(a));
        return out;
    }

    /** A list field both sides initialise to empty: an absent one becomes empty, as a fresh object has it. */
    private static <A, B> List<B> listIn(List<A> list, Function<A, B> f) {
        return list == null ? new ArrayList<>() : map(list, f);
    }

    private static <A, B> List<B> listOut(List<A> list, Function<A, B> f) {
        return listIn(list, f);
    }

    private static List<String> strings(List<String> list) {
        return list == null ? new ArrayList<>() : new ArrayList<>(list);
    }
}
