package org.zcp.gateways;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.zcp.protocols.imap.ImapBackend;

/**
 * An IMAP session's store calls, each on a fresh message endpoint (its own transaction). An
 * answer for the client ({@link ImapBackend.Failure}) arrives as it was thrown, whatever the
 * container wrapped around it; no endpoint means the store is away.
 */
final class ImapEndpoint implements ImapBackend {
    private final MessageEndpointFactory factory;

    ImapEndpoint(MessageEndpointFactory factory) {
        this.factory = factory;
    }

    private <R> R call(Function<ImapBackend, R> call) {
        MessageEndpoint ep;
        try {
            ep = factory.createEndpoint(null);
        } catch (UnavailableException e) {
            throw new IllegalStateException("store unavailable");
        }
        try {
            return call.apply((ImapBackend) ep);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof Failure f) throw f;
            }
            throw e;
        } finally {
            ep.release();
        }
    }

    private void run(java.util.function.Consumer<ImapBackend> call) {
        call(b -> {
            call.accept(b);
            return Boolean.TRUE;
        });
    }

    @Override
    public Login login(String user, String password, String peer, boolean tls) {
        try {
            return call(b -> b.login(user, password, peer, tls));
        } catch (IllegalStateException e) {
            return new Login(Status.UNAVAILABLE, null, e.getMessage());
        }
    }

    @Override
    public void logout(String session) {
        try {
            run(b -> b.logout(session));
        } catch (RuntimeException e) {
            // the session ends anyway; the server's session times out
        }
    }

    @Override
    public List<Folder> folders(String session) {
        return call(b -> b.folders(session));
    }

    @Override
    public void create(String session, String name) {
        run(b -> b.create(session, name));
    }

    @Override
    public void delete(String session, String name) {
        run(b -> b.delete(session, name));
    }

    @Override
    public void rename(String session, String from, String to) {
        run(b -> b.rename(session, from, to));
    }

    @Override
    public void subscribe(String session, String name, boolean subscribed) {
        run(b -> b.subscribe(session, name, subscribed));
    }

    @Override
    public MailboxState open(String session, String name) {
        return call(b -> b.open(session, name));
    }

    @Override
    public List<MessageInfo> messages(String session, String mailboxId) {
        return call(b -> b.messages(session, mailboxId));
    }

    @Override
    public Changes changes(String session, String mailboxId, long modSeq) {
        return call(b -> b.changes(session, mailboxId, modSeq));
    }

    @Override
    public Changes changes(String session, String mailboxId, long modSeq, long claimAbove) {
        return call(b -> b.changes(session, mailboxId, modSeq, claimAbove));
    }

    @Override
    public Map<Long, byte[]> texts(String session, String mailboxId, List<Long> uids) {
        return call(b -> b.texts(session, mailboxId, uids));
    }

    @Override
    public Map<Long, String> derived(String session, String mailboxId, List<Long> uids) {
        return call(b -> b.derived(session, mailboxId, uids));
    }

    @Override
    public void keepDerived(String session, String mailboxId, Map<Long, String> values) {
        run(b -> b.keepDerived(session, mailboxId, values));
    }

    @Override
    public Set<Long> subjectMatches(String session, String mailboxId, String text) {
        return call(b -> b.subjectMatches(session, mailboxId, text));
    }

    @Override
    public long recent(String session, String mailboxId, long upTo, boolean claim) {
        return call(b -> b.recent(session, mailboxId, upTo, claim));
    }

    @Override
    public StoreResult store(String session, String mailboxId, List<Long> uids, FlagMode mode, Set<String> flags,
            long unchangedSince) {
        return call(b -> b.store(session, mailboxId, uids, mode, flags, unchangedSince));
    }

    @Override
    public CopyResult copy(String session, String mailboxId, List<Long> uids, String destination, boolean move) {
        return call(b -> b.copy(session, mailboxId, uids, destination, move));
    }

    @Override
    public List<Long> expunge(String session, String mailboxId, List<Long> uids) {
        return call(b -> b.expunge(session, mailboxId, uids));
    }

    @Override
    public AppendResult append(String session, String mailbox, java.io.InputStream message, Set<String> flags,
            long internalDate) {
        return call(b -> b.append(session, mailbox, message, flags, internalDate));
    }
}
