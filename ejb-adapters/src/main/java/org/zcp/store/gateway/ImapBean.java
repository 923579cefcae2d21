package org.zcp.store.gateway;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jboss.ejb3.annotation.ResourceAdapter;
import org.zcp.protocols.imap.ImapBackend;

/**
 * The store side of the IMAP and IMAPS listeners (manual 4.11): every backend call of an IMAP
 * session is one call here, in a transaction of its own.
 */
@MessageDriven(messageListenerInterface = ImapBackend.class, activationConfig = {
        @ActivationConfigProperty(propertyName = "protocol", propertyValue = "imap")})
@ResourceAdapter("zcp.ear#zcp-gateways.rar")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ImapBean implements ImapBackend {
    private static final Logger LOG = Logger.getLogger(ImapBean.class.getName());

    @Inject
    ImapService imap;

    @Override
    public Login login(String user, String password, String peer, boolean tls) {
        try {
            return imap.login(user, password, peer, tls);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "imap logon of " + user + " failed", e);
            return new Login(Status.UNAVAILABLE, null, "temporary failure");
        }
    }

    @Override
    public void logout(String session) {
        try {
            imap.logout(session);
        } catch (RuntimeException e) {
            LOG.fine("imap logout: " + e.getMessage());
        }
    }

    @Override
    public List<Folder> folders(String session) {
        return imap.folders(session);
    }

    @Override
    public void create(String session, String name) {
        imap.create(session, name);
    }

    @Override
    public void delete(String session, String name) {
        imap.delete(session, name);
    }

    @Override
    public void rename(String session, String from, String to) {
        imap.rename(session, from, to);
    }

    @Override
    public void subscribe(String session, String name, boolean subscribed) {
        imap.subscribe(session, name, subscribed);
    }

    @Override
    public MailboxState open(String session, String name) {
        return imap.open(session, name);
    }

    @Override
    public List<MessageInfo> messages(String session, String mailboxId) {
        return imap.messages(session, mailboxId);
    }

    @Override
    public Changes changes(String session, String mailboxId, long modSeq) {
        return imap.changes(session, mailboxId, modSeq);
    }

    @Override
    public Changes changes(String session, String mailboxId, long modSeq, long claimAbove) {
        return imap.changes(session, mailboxId, modSeq, claimAbove);
    }

    @Override
    public Map<Long, byte[]> texts(String session, String mailboxId, List<Long> uids) {
        return imap.texts(session, mailboxId, uids);
    }

    @Override
    public Map<Long, String> derived(String session, String mailboxId, List<Long> uids) {
        return imap.derived(session, mailboxId, uids);
    }

    @Override
    public void keepDerived(String session, String mailboxId, Map<Long, String> values) {
        imap.keepDerived(session, mailboxId, values);
    }

    @Override
    public Set<Long> subjectMatches(String session, String mailboxId, String text) {
        return imap.subjectMatches(session, mailboxId, text);
    }

    @Override
    public long recent(String session, String mailboxId, long upTo, boolean claim) {
        return imap.recent(session, mailboxId, upTo, claim);
    }

    @Override
    public StoreResult store(String session, String mailboxId, List<Long> uids, FlagMode mode, Set<String> flags,
            long unchangedSince) {
        return imap.store(session, mailboxId, uids, mode, flags, unchangedSince);
    }

    @Override
    public CopyResult copy(String session, String mailboxId, List<Long> uids, String destination, boolean move) {
        return imap.copy(session, mailboxId, uids, destination, move);
    }

    @Override
    public List<Long> expunge(String session, String mailboxId, List<Long> uids) {
        return imap.expunge(session, mailboxId, uids);
    }

    @Override
    public AppendResult append(String session, String mailbox, InputStream message, Set<String> flags,
            long internalDate) {
        // read here, inside the endpoint call: the store keeps the whole text (PR_EC_IMAP_EMAIL,
        // the MIME parse), and the bean pool bounds how many are in memory at once; while it
        // arrived, a large message was in the gateway's spool file (security review #1)
        byte[] text;
        try {
            text = message.readAllBytes();
        } catch (IOException e) {
            throw new Failure("UNAVAILABLE", "the message could not be read");
        }
        return imap.append(session, mailbox, text, flags, internalDate);
    }
}
