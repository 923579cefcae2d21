package org.zcp.store.mapi;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.zcp.api.mapi.ObjectType;
import org.zcp.api.mapi.PropTag;
import org.zcp.api.mapi.Rights;
import org.zcp.store.api.rules.HeaderMatch;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.api.rules.Rule;
import org.zcp.store.api.rules.RuleAction;
import org.zcp.store.api.rules.RuleCondition;
import org.zcp.store.StoreException;
import org.zcp.store.api.DeliveryRules;
import org.zcp.store.entity.ChangeEntry;
import org.zcp.store.entity.HierarchyObject;
import org.zcp.store.entity.StoreEntity;
import org.zcp.store.mapi.Access.Action;
import org.zcp.store.session.Session;

/**
 * The server-side rules of an Inbox (zarafa-dagent runs them when it delivers to the Inbox):
 * stored on the Inbox as one PT_BINARY property, PR_RULES_DATA, holding the XML of
 * {@link RuleSet}. Clients read them with read access to the Inbox and replace them as its owner
 * (folder-owner right or full access to the store); delivery reads them as SYSTEM.
 */
@Stateless
@jakarta.ejb.LocalBean
@jakarta.ejb.Local(DeliveryRules.class) // the delivery pipeline's view, beside SOAP's no-interface view
public class RuleService implements DeliveryRules {
    private static final Logger LOG = Logger.getLogger(RuleService.class.getName());
    /** Upper bound of rules on one Inbox; more is a client gone wrong. */
    static final int MAX_RULES = 1000;

    @Inject
    ObjectStore objects;

    @Inject
    StoreManager stores;

    @Inject
    Access access;

    @Inject
    org.zcp.store.cache.RulesCache cache;

    /** The rules of an Inbox, in ascending sequence. */
    public List<Rule> get(Session s, String folderEntryId) {
        HierarchyObject inbox = inbox(folderEntryId);
        access.check(s, inbox.id, Action.READ, Rights.READ_ANY);
        return read(inbox.id).orElseGet(ArrayList::new);
    }

    /** Replaces the rules of an Inbox (an empty list removes them all). */
    public void set(Session s, String folderEntryId, List<Rule> rules) {
        HierarchyObject inbox = inbox(folderEntryId);
        access.check(s, inbox.id, Action.FOLDER_PERMISSIONS, Rights.FOLDER_ACCESS);
        List<Rule> valid = validate(inbox, rules);
        if (valid.isEmpty()) {
            objects.deleteProps(inbox, List.of(PropTag.PR_RULES_DATA));
        } else {
            objects.setProps(inbox, List.of(PropValue.ofBinary(PropTag.PR_RULES_DATA, RuleSet.toXml(valid))));
        }
        objects.journal(inbox, ChangeEntry.MODIFY);
        LOG.fine(valid.size() + " rules set on the Inbox of store " + inbox.storeId + " by " + s.userName());
    }

    /**
     * The rules delivery runs for a user (no session: the SYSTEM path of the delivery pipeline);
     * empty when the user has no store, no Inbox or no rules. Moves and copies to folders that no
     * longer exist are left out, so the message stays in the Inbox instead of failing.
     */
    @Override
    public List<Rule> forDelivery(long userId) {
        StoreEntity store = stores.privateStoreOf(userId).orElse(null);
        if (store == null) return List.of();
        Long inboxId = stores.receiveFolder(store.id, "IPM").orElse(null);
        if (inboxId == null) return List.of();
        List<Rule> rules;
        try {
            rules = read(inboxId).orElse(null);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // a broken rule set must not stop the mail: it is delivered as if there were no rules
            LOG.warning("the rules of store " + store.guid + " are unreadable and ignored: " + e.getMessage());
            return List.of();
        }
        if (rules == null || rules.isEmpty()) return List.of();
        for (Rule r : rules) {
            if (r.actions == null) continue;
            r.actions.removeIf(a -> {
                if (a == null) return true;
                String type = type(a);
                if (!RuleAction.MOVE.equals(type) && !RuleAction.COPY.equals(type)) return false;
                if (objects.liveFolderOf(store.id, a.folderId) != null) return false;
                LOG.warning("rule \"" + r.name + "\" of store " + store.guid + ": the folder of its " + type
                        + " action no longer exists; the action is skipped");
                return true;
            });
        }
        return rules;
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private Optional<List<Rule>> read(long inboxId) {
        // the bytes are cached, the rules parsed each time: delivery changes the list it gets
        byte[] xml = cache.get(inboxId, () -> {
            PropValue v = objects.read(List.of(inboxId), List.of(PropTag.PR_RULES_DATA))
                    .getOrDefault(inboxId, Map.of()).get(PropTag.PR_RULES_DATA);
            return v == null ? null : v.bin;
        });
        if (xml.length == 0) return Optional.empty();
        return Optional.of(RuleSet.fromXml(xml));
    }

    /** The folder, which must be a live Inbox (the receive folder of IPM) of its store. */
    private HierarchyObject inbox(String folderEntryId) {
        if (folderEntryId == null || folderEntryId.isBlank()) throw StoreException.invalid("no folder given");
        HierarchyObject f = objects.resolve(folderEntryId);
        if (f.type != ObjectType.MAPI_FOLDER || f.deletedAt != null) throw StoreException.invalid("not a folder");
        Long inbox = stores.receiveFolder(f.storeId, "IPM").orElse(null);
        if (inbox == null || inbox != f.id) {
            throw StoreException.invalid("rules are kept on the Inbox only");
        }
        return f;
    }

    static String type(RuleAction a) {
        return a.type == null ? "" : a.type.trim().toUpperCase(Locale.ROOT);
    }

    /** Checked and normalised copies of the rules, sorted by sequence; MAPI_E_INVALID_PARAMETER on the first error. */
    List<Rule> validate(HierarchyObject inbox, List<Rule> rules) {
        if (rules == null) return List.of();
        if (rules.size() > MAX_RULES) throw StoreException.invalid("more than " + MAX_RULES + " rules");
        List<Rule> out = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            String which = "rule " + (i + 1);
            if (r == null) throw StoreException.invalid(which + " is empty");
            Rule c = new Rule();
            c.name = r.name == null ? "" : r.name.trim();
            if (!c.name.isEmpty()) which += " (" + c.name + ")";
            c.enabled = r.enabled;
            c.sequence = r.sequence;
            c.stop = r.stop;
            c.condition = condition(which, r.condition);
            c.actions = new ArrayList<>();
            if (r.actions != null) {
                for (RuleAction a : r.actions) c.actions.add(action(which, inbox, a));
            }
            out.add(c);
        }
        return Rule.inOrder(out);
    }

    private static RuleCondition condition(String which, RuleCondition in) {
        RuleCondition c = new RuleCondition();
        if (in == null) return c;
        c.fromContains = texts(in.fromContains);
        c.sentToContains = texts(in.sentToContains);
        c.subjectContains = texts(in.subjectContains);
        if (in.headers != null) {
            for (HeaderMatch h : in.headers) {
                if (h == null || h.name == null || h.name.isBlank() || !h.name.trim().matches("[\\x21-\\x39\\x3B-\\x7E]+")) {
                    throw StoreException.invalid(which + ": a header condition needs a valid header name");
                }
                c.headers.add(new HeaderMatch(h.name.trim(), h.contains == null || h.contains.isEmpty() ? null : h.contains));
            }
        }
        if (in.sizeAbove != null && in.sizeAbove < 0 || in.sizeBelow != null && in.sizeBelow < 0) {
            throw StoreException.invalid(which + ": a size limit is negative");
        }
        c.sizeAbove = in.sizeAbove;
        c.sizeBelow = in.sizeBelow;
        c.sentOnlyToMe = in.sentOnlyToMe;
        return c;
    }

    /** The non-blank entries (a blank one would match everything). */
    private static List<String> texts(List<String> in) {
        List<String> out = new ArrayList<>();
        if (in != null) {
            for (String s : in) {
                if (s != null && !s.isBlank()) out.add(s);
            }
        }
        return out;
    }

    private RuleAction action(String which, HierarchyObject inbox, RuleAction in) {
        if (in == null) throw StoreException.invalid(which + ": an action is empty");
        String type = type(in);
        if (!RuleAction.TYPES.contains(type)) {
            throw StoreException.invalid(which + ": unknown action \"" + in.type + "\" (one of " + RuleAction.TYPES + ")");
        }
        RuleAction a = new RuleAction(type);
        switch (type) {
            case RuleAction.MOVE, RuleAction.COPY -> {
                if (in.folderId == null || in.folderId.isBlank()) {
                    throw StoreException.invalid(which + ": " + type + " needs a folder");
                }
                HierarchyObject f = objects.liveFolderOf(inbox.storeId, in.folderId);
                if (f == null) throw StoreException.invalid(which + ": " + type + " to a folder that is not a folder of this store");
                a.folderId = objects.entryId(f);
            }
            case RuleAction.FORWARD, RuleAction.REDIRECT -> {
                a.addresses = new ArrayList<>();
                if (in.addresses != null) {
                    for (String addr : in.addresses) {
                        if (addr == null || addr.isBlank()) continue;
                        try {
                            new InternetAddress(addr.trim(), true).validate();
                        } catch (AddressException e) {
                            throw StoreException.invalid(which + ": \"" + addr.trim() + "\" is not a valid e-mail address");
                        }
                        a.addresses.add(addr.trim());
                    }
                }
                if (a.addresses.isEmpty()) throw StoreException.invalid(which + ": " + type + " needs an address");
            }
            default -> {
                // DELETE, MARK_READ: nothing more
            }
        }
        return a;
    }
}
