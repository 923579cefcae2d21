package org.zcp.store.gateway;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.zcp.api.mapi.ObjectType;
import org.zcp.api.mapi.PropTag;
import org.zcp.api.soap.Message;
import org.zcp.api.soap.PropValue;
import org.zcp.protocols.pop3.Pop3Backend;
import org.zcp.store.StoreException;
import org.zcp.store.delivery.MimeToMapi;
import org.zcp.store.directory.Directory;
import org.zcp.store.entity.HierarchyObject;
import org.zcp.store.entity.StoreEntity;
import org.zcp.store.mapi.MessageService;
import org.zcp.store.mapi.ObjectStore;
import org.zcp.store.mapi.StoreManager;
import org.zcp.store.session.Logon;
import org.zcp.store.session.Session;
import org.zcp.store.session.SessionManager;

/**
 * The store side of POP3 (manual 4.11): the Inbox of the user as a maildrop. A message's unique
 * id is its IMAP UID in the Inbox (stable while it stays there); its text is the original RFC 822
 * kept at delivery, else the message converted to MIME. The pop3 feature (manual 8.7, table 8.1)
 * decides who may log on; failures are audit-logged like every logon.
 */
@Stateless
public class Pop3Service {
    private static final Logger LOG = Logger.getLogger(Pop3Service.class.getName());
    static final String PROGRAM = "zarafa-gateway (pop3)";

    @Inject
    Logon logon;

    @Inject
    SessionManager sessions;

    @Inject
    Directory directory;

    @Inject
    StoreManager stores;

    @Inject
    ObjectStore objects;

    @Inject
    MessageService messages;

    public Pop3Backend.Login login(String user, String password, String peer, boolean tls) {
        try {
            Session s = logon.gateway(user, password, peer, "pop3", PROGRAM);
            return new Pop3Backend.Login(Pop3Backend.Status.OK, s.id(), null);
        } catch (StoreException x) {
            return new Pop3Backend.Login(Pop3Backend.Status.DENIED, null,
                    x.error() == org.zcp.api.mapi.MapiError.MAPI_E_NO_ACCESS ? x.getMessage() : "Authentication failed");
        }
    }

    public List<Pop3Backend.Entry> list(String mailbox) {
        List<Pop3Backend.Entry> out = new ArrayList<>();
        Session s = sessions.require(mailbox);
        HierarchyObject inbox = inbox(s);
        List<HierarchyObject> msgs = objects.em().createQuery("select h from HierarchyObject h where h.parentId = :p"
                + " and h.type = :t and h.flags = 0 and h.deletedAt is null order by h.imapUid", HierarchyObject.class)
                .setParameter("p", inbox.id).setParameter("t", ObjectType.MAPI_MESSAGE).getResultList();
        // the size kept beside each original (never the texts themselves); a message without one is
        // converted, as RETR would
        Map<Long, Map<Integer, PropValue>> kept = msgs.isEmpty() ? new HashMap<>()
                : objects.storedOfChildren(inbox.id, List.of(PropTag.PR_EC_IMAP_EMAIL_SIZE));
        for (HierarchyObject h : msgs) {
            PropValue octets = kept.getOrDefault(h.id, Map.of()).get(PropTag.PR_EC_IMAP_EMAIL_SIZE);
            long size = octets != null && octets.l != null ? octets.l : text(s, h).length;
            out.add(new Pop3Backend.Entry(Long.toString(h.imapUid), size));
        }
        return out;
    }

    public byte[] retrieve(String mailbox, String uid) {
        Session s = sessions.require(mailbox);
        return text(s, message(s, uid));
    }

    /** QUIT: the marked messages leave the Inbox (soft delete: restorable, manual 7.5). */
    public boolean delete(String mailbox, List<String> uids) {
        Session s = sessions.require(mailbox);
        List<String> ids = new ArrayList<>();
        for (String uid : uids) ids.add(objects.entryId(message(s, uid)));
        messages.delete(s, ids, false);
        LOG.fine("pop3: " + s.userName() + " deleted " + ids.size() + " message(s)");
        return true;
    }

    public void logout(String mailbox) {
        logon.logoff(mailbox);
    }

    private HierarchyObject inbox(Session s) {
        StoreEntity store = stores.privateStoreOf(s.userId()).orElseThrow(() -> StoreException.notFound("store"));
        long inbox = stores.receiveFolder(store.id, "IPM").orElseThrow(() -> StoreException.notFound("Inbox"));
        return objects.object(inbox);
    }

    private HierarchyObject message(Session s, String uid) {
        HierarchyObject inbox = inbox(s);
        long n;
        try {
            n = Long.parseLong(uid);
        } catch (NumberFormatException e) {
            throw StoreException.notFound("message " + uid);
        }
        List<HierarchyObject> l = objects.em().createQuery("select h from HierarchyObject h where h.parentId = :p"
                + " and h.imapUid = :u and h.type = :t and h.deletedAt is null", HierarchyObject.class)
                .setParameter("p", inbox.id).setParameter("u", n).setParameter("t", ObjectType.MAPI_MESSAGE)
                .getResultList();
        if (l.isEmpty()) throw StoreException.notFound("message " + uid);
        return l.get(0);
    }

    /** The text POP3 serves: the RFC 822 kept at delivery, else the message as MIME. */
    private byte[] text(Session s, HierarchyObject h) {
        String id = objects.entryId(h);
        Message m = messages.load(s, id);
        PropValue raw = m.props.stream().filter(p -> p.tag == MimeToMapi.PR_EC_IMAP_EMAIL).findFirst().orElse(null);
        if (raw != null && raw.bin != null) return raw.bin;
        return Mime.text(messages, s, id, m, h.size);
    }
}
