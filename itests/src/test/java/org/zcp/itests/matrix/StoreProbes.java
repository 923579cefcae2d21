package org.zcp.itests.matrix;

import static org.zcp.itests.matrix.Probe.allow;
import static org.zcp.itests.matrix.Probe.call;
import static org.zcp.itests.matrix.Probe.op;

import jakarta.activation.DataHandler;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.zcp.api.mapi.PropTag;
import org.zcp.api.mapi.Rights;
import org.zcp.api.soap.AclEntry;
import org.zcp.api.soap.Message;
import org.zcp.api.soap.NamedProp;
import org.zcp.api.soap.PropValue;
import org.zcp.api.soap.PropValues;
import org.zcp.itests.Fixture;

/** Probes of the rows on the victim's store: folders, objects, messages, submit, rules, ACLs. */
final class StoreProbes {
    static final String PS_PUBLIC_STRINGS = "00020329-0000-0000-C000-000000000046";

    private StoreProbes() {
    }

    static void register(Map<String, Probe> p) {
        folders(p);
        objects(p);
        messages(p);
        p.put("submitMessage/victim-inbox-on-behalf", c -> {
            String msg = c.w.victimMessage("on behalf " + c.w.suffix);
            return allow(x -> x.c.submitMessage(x.sid(), msg), c);
        });
        p.put("abortSubmit/unqueued-message", call(c -> c.c.abortSubmit(c.sid(), c.w.message)));
        p.put("isMessageInQueue/message", call(c -> c.c.isMessageInQueue(c.sid(), c.w.message)));
        p.put("getRules/inbox", call(c -> c.c.getRules(c.sid(), c.w.inbox)));
        p.put("setRules/inbox", call(c -> c.c.setRules(c.sid(), c.w.inbox, c.w.rules)));
        p.put("getRights/inbox", call(c -> c.c.getRights(c.sid(), c.w.inbox)));
        p.put("setRights/inbox", call(c -> c.c.setRights(c.sid(), c.w.inbox,
                List.of(new AclEntry(c.w.bystander, "user", Rights.FREEBUSY_SIMPLE)))));
    }

    private static void folders(Map<String, Probe> p) {
        // 'filtered': the private Secret below Projects is not listed
        p.put("queryHierarchy/projects", c -> op(() -> Fixture.folders(c.c, c.sid(), c.w.projects)
                .containsKey("Secret") ? "allow" : "filtered"));
        p.put("createFolder/inbox", call(c -> c.c.createFolder(c.sid(), c.w.inbox, c.w.unique("new"), "IPF.Note", false)));
        // #5: the copy must not bring Secret along
        p.put("copyFolder/projects-to-own", c -> op(() -> {
            String dest = c.w.ownStore(c.role).ipmSubtreeId;
            String copy = c.c.copyFolder(c.sid(), c.w.projects, dest, c.w.unique("loot"), false);
            return Fixture.folders(c.c, c.sid(), copy).containsKey("Secret") ? "allow" : "filtered";
        }));
        p.put("copyFolder/move-fresh-to-own", c -> {
            MatrixWorld.Fresh f = c.w.fresh(c.role, c.w.inbox, false, true);
            return allow(x -> x.c.copyFolder(x.sid(), f.folder(), x.w.ownStore(x.role).ipmSubtreeId,
                    x.w.unique("moved"), true), c);
        });
        p.put("deleteFolder/fresh", c -> {
            MatrixWorld.Fresh f = c.w.fresh(c.role, c.w.inbox, false, false);
            return allow(x -> x.c.deleteFolder(x.sid(), f.folder(), false), c);
        });
        p.put("deleteFolder/fresh-private-sub", c -> {
            MatrixWorld.Fresh f = c.w.fresh(c.role, c.w.inbox, true, false);
            return allow(x -> x.c.deleteFolder(x.sid(), f.folder(), false), c);
        });
        p.put("emptyFolder/fresh-soft", c -> {
            MatrixWorld.Fresh f = c.w.fresh(c.role, c.w.inbox, false, true);
            return allow(x -> x.c.emptyFolder(x.sid(), f.folder(), false), c);
        });
        // #19: 'filtered' = emptied, but the private subfolder survived
        p.put("emptyFolder/fresh-hard-private-sub", c -> {
            MatrixWorld.Fresh f = c.w.fresh(c.role, c.w.inbox, true, true);
            return op(() -> {
                c.c.emptyFolder(c.sid(), f.folder(), true);
                return Fixture.folders(c.c, c.w.vs(), f.folder()).containsKey("private") ? "filtered" : "allow";
            });
        });
    }

    private static void objects(Map<String, Probe> p) {
        p.put("getProps/store-root", call(c -> c.c.getProps(c.sid(), c.w.victimStore.storeId,
                List.of(PropTag.PR_EC_OUTOFOFFICE, PropTag.PR_EC_OUTOFOFFICE_MSG))));
        p.put("getProps/inbox", call(c -> c.c.getProps(c.sid(), c.w.inbox,
                List.of(PropTag.PR_DISPLAY_NAME, PropTag.PR_CONTENT_COUNT))));
        // 'filtered': the call succeeds without the rules (their forward address)
        p.put("getProps/inbox-rules", c -> op(() -> {
            byte[] rules = PropValues.binary(c.c.getProps(c.sid(), c.w.inbox, List.of(PropTag.PR_RULES_DATA)),
                    PropTag.PR_RULES_DATA);
            return rules != null && rules.length > 0 ? "allow" : "filtered";
        }));
        p.put("getProps/secret", call(c -> c.c.getProps(c.sid(), c.w.secret, List.of(PropTag.PR_DISPLAY_NAME))));
        p.put("getProps/message", call(c -> c.c.getProps(c.sid(), c.w.message, List.of(PropTag.PR_SUBJECT))));
        p.put("getProps/recipient", call(c -> c.c.getProps(c.sid(), c.w.bccRecipient,
                List.of(PropTag.PR_DISPLAY_NAME, PropTag.PR_EMAIL_ADDRESS))));
        p.put("getProps/attachment", call(c -> c.c.getProps(c.sid(), c.w.attachment,
                List.of(PropTag.PR_ATTACH_LONG_FILENAME))));
        p.put("setProps/inbox", call(c -> c.c.setProps(c.sid(), c.w.inbox,
                List.of(PropValue.ofString(PropTag.PR_COMMENT, "set by " + c.role.column)))));
        p.put("setProps/message", call(c -> c.c.setProps(c.sid(), c.w.message,
                List.of(PropValue.ofString(PropTag.PR_COMMENT, "set by " + c.role.column)))));
        p.put("deleteProps/inbox", call(c -> c.c.deleteProps(c.sid(), c.w.inbox, List.of(PropTag.PR_COMMENT))));
        p.put("deleteProps/message", call(c -> c.c.deleteProps(c.sid(), c.w.message, List.of(PropTag.PR_COMMENT))));
        p.put("getIDsFromNames/lookup", call(c -> c.c.getIDsFromNames(c.sid(),
                List.of(NamedProp.ofName(PS_PUBLIC_STRINGS, "Keywords")), false)));
        p.put("getIDsFromNames/create-one", call(c -> c.c.getIDsFromNames(c.sid(),
                List.of(NamedProp.ofName(PS_PUBLIC_STRINGS, c.w.unique("x-matrix-"))), true)));
        // #11: the id space 0x8500-0xFFFE is server-wide; one caller must not take hundreds at once
        p.put("getIDsFromNames/create-300", c -> {
            List<NamedProp> names = new ArrayList<>();
            String base = c.w.unique("x-flood-");
            for (int i = 0; i < 300; i++) names.add(NamedProp.ofName(PS_PUBLIC_STRINGS, base + "-" + i));
            return allow(x -> x.c.getIDsFromNames(x.sid(), names, true), c);
        });
        p.put("getIDsFromNames/create-over-limit", c -> {
            List<NamedProp> names = new ArrayList<>();
            String base = c.w.unique("x-over-");
            for (int i = 0; i < 401; i++) names.add(NamedProp.ofName(PS_PUBLIC_STRINGS, base + "-" + i));
            return allow(x -> x.c.getIDsFromNames(x.sid(), names, true), c);
        });
        p.put("getNamesFromIDs/known", call(c -> c.c.getNamesFromIDs(c.sid(), List.of(0x8500))));
    }

    private static void messages(Map<String, Probe> p) {
        p.put("createMessage/inbox", call(c -> c.c.createMessage(c.sid(), c.w.inbox,
                Fixture.message("from " + c.role.column, 1L), false)));
        p.put("saveMessage/victims-message", c -> {
            String msg = c.w.victimMessage("to be saved");
            return allow(x -> x.c.saveMessage(x.sid(), msg, changed()), c);
        });
        p.put("saveMessage/own-item", c -> {
            String msg = c.w.ownItem(c.role);
            return allow(x -> x.c.saveMessage(x.sid(), msg, changed()), c);
        });
        p.put("loadMessage/message", call(c -> c.c.loadMessage(c.sid(), c.w.message)));
        p.put("loadAttachment/message", call(c -> {
            DataHandler d = c.c.loadAttachment(c.sid(), c.w.message, 0);
            try (InputStream in = d.getInputStream()) {
                in.readAllBytes();
            }
        }));
        p.put("saveAttachment/victims-message", c -> {
            String msg = c.w.victimMessage("to get an attachment");
            return allow(x -> x.c.saveAttachment(x.sid(), msg, -1,
                    List.of(PropValue.ofString(PropTag.PR_ATTACH_LONG_FILENAME, "added.bin")),
                    new DataHandler(new ByteArrayDataSource(new byte[] {7, 7}, "application/octet-stream"))), c);
        });
        p.put("copyMessages/victims-to-own", call(c -> c.c.copyMessages(c.sid(), List.of(c.w.message),
                c.w.ownStore(c.role).inboxId, false)));
        p.put("copyMessages/move-victims-to-own", c -> {
            String msg = c.w.victimMessage("to be moved");
            return allow(x -> x.c.copyMessages(x.sid(), List.of(msg), x.w.ownStore(x.role).inboxId, true), c);
        });
        p.put("copyMessages/own-into-inbox", c -> {
            String own = c.c.createMessage(c.sid(), c.w.ownStore(c.role).inboxId, Fixture.message("mine", 1L), false);
            return allow(x -> x.c.copyMessages(x.sid(), List.of(own), x.w.inbox, false), c);
        });
        p.put("deleteMessages/victims-message", c -> {
            String msg = c.w.victimMessage("to be deleted");
            return allow(x -> x.c.deleteMessages(x.sid(), List.of(msg), false), c);
        });
        p.put("deleteMessages/own-item", c -> {
            String msg = c.w.ownItem(c.role);
            return allow(x -> x.c.deleteMessages(x.sid(), List.of(msg), false), c);
        });
        p.put("setReadFlags/message", call(c -> c.c.setReadFlags(c.sid(), List.of(c.w.message), true)));
        p.put("restoreObjects/soft-deleted-message", c -> {
            String msg = c.w.victimMessage("to be restored");
            c.c.deleteMessages(c.w.vs(), List.of(msg), false);
            return allow(x -> x.c.restoreObjects(x.sid(), List.of(msg)), c);
        });
        p.put("queryContents/inbox", call(c -> c.c.queryContents(c.sid(), c.w.inbox, Fixture.columns(PropTag.PR_SUBJECT))));
    }

    static Message changed() {
        Message m = new Message();
        m.props.add(PropValue.ofString(PropTag.PR_SUBJECT, "changed"));
        return m;
    }
}
