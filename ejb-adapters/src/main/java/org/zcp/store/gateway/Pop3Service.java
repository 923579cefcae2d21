package org.zcp.store.gateway;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.zcp.protocols.pop3.Pop3Backend;
import org.zcp.store.StoreException;
import org.zcp.store.api.FolderMessages;
import org.zcp.store.api.FolderTree;
import org.zcp.store.api.MessageSummary;
import org.zcp.store.directory.Directory;
import org.zcp.store.logon.Logon;
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
    FolderTree tree;

    @Inject
    FolderMessages index;

    public Pop3Backend.Login login(String user, String password, String peer, boolean tls) {
        try {
            Session s = logon.gateway(user, password, peer, "pop3", PROGRAM);
            return new Pop3Backend.Login(Pop3Backend.Status.OK, s.id(), null);
        } catch (StoreException x) {
            return new Pop3Backend.Login(Pop3Backend.Status.DENIED, null,
                    x.error() == org.zcp.api.mapi.MapiError.MAPI_E_NO_ACCESS ? x.getMessage() : "Authentication failed");
        }
    }

    /**
     * The Inbox as POP3 numbers it, in UID order, with the exact octets RETR will send (the store
     * keeps a text once made, so LIST and RETR agree: review 1c).
     */
    public List<Pop3Backend.Entry> list(String mailbox) {
        long inbox = tree.inbox(mailbox);
        List<Long> uids = index.list(mailbox, inbox).stream().map(MessageSummary::uid).toList();
        List<Pop3Backend.Entry> out = new ArrayList<>();
        index.exactSizes(mailbox, inbox, uids).forEach((uid, size) -> out.add(new Pop3Backend.Entry(Long.toString(uid), size)));
        return out;
    }

    public byte[] retrieve(String mailbox, String uid) {
        byte[] text = index.texts(mailbox, tree.inbox(mailbox), List.of(uid(uid)), Long.MAX_VALUE).get(uid(uid));
        if (text == null) throw StoreException.notFound("message " + uid);
        return text;
    }

    /** QUIT: the marked messages leave the Inbox (soft delete: restorable, manual 7.5). */
    public boolean delete(String mailbox, List<String> uids) {
        Session s = sessions.require(mailbox);
        List<Long> gone = index.delete(mailbox, tree.inbox(mailbox), uids.stream().map(Pop3Service::uid).toList());
        LOG.fine("pop3: " + s.userName() + " deleted " + gone.size() + " message(s)");
        return true;
    }

    public void logout(String mailbox) {
        logon.logoff(mailbox);
    }

    private static long uid(String uid) {
        try {
            return Long.parseLong(uid);
        } catch (NumberFormatException e) {
            throw StoreException.notFound("message " + uid);
        }
    }
}
