package org.zcp.gateways;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.zcp.protocols.lmtp.LmtpBackend;
import org.zcp.protocols.lmtp.LmtpSession;
import org.zcp.protocols.imap.ImapSession;
import org.zcp.protocols.pop3.Pop3Backend;
import org.zcp.protocols.pop3.Pop3Session;
import org.zcp.protocols.socketmap.LookupBackend;
import org.zcp.protocols.socketmap.SocketmapSession;
import org.zcp.protocols.tls.TlsUpgrade;

/**
 * Accepts connections on a line-protocol port and runs one session per connection on a bounded
 * pool: LMTP ({@link LmtpSession}) or Postfix lookups ({@link SocketmapSession}); every store call
 * goes through a fresh message endpoint. With TLS ({@link ListenerTls}), a connection is either
 * wrapped right after accept (implicit TLS) or handed to the session with an upgrade for its
 * STARTTLS command.
 *
 * <p>IMAP and POP3 connections run on virtual threads within {@link ConnectionSlots}: a limit per
 * address on connections that have not logged in, the oldest of those closed when all slots are
 * taken, and a short login timeout (security review #12).
 */
final class LineListener {
    private static final Logger LOG = Logger.getLogger(LineListener.class.getName());

    private final MessageEndpointFactory factory;
    private final LineActivationSpec spec;
    private final String name;
    private final ExecutorService workers;
    /** The session slots of an IMAP/POP3 listener; null for the pooled ones (LMTP, lookups). */
    private final ConnectionSlots sessions;
    /** Closes IMAP/POP3 connections that have not logged in by the end of the login timeout. */
    private final ScheduledExecutorService deadlines;
    private final AtomicInteger active = new AtomicInteger();
    private volatile ServerSocket server;
    private volatile ListenerTls tls = ListenerTls.off(ListenerTls.Mode.OFF, "not started");
    private volatile boolean closed;
    private Thread acceptor;

    LineListener(MessageEndpointFactory factory, LineActivationSpec spec) {
        this.factory = factory;
        this.spec = spec;
        this.name = spec.getProtocol().toUpperCase(java.util.Locale.ROOT);
        if (mailboxSessions()) {
            // IMAP and POP3 sessions are long and mostly idle (IDLE, a client left open): one
            // virtual thread each, up to the configured number of connections
            this.workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(spec.getProtocol() + "-", 1)
                    .factory());
            this.sessions = new ConnectionSlots(spec.getMaxThreads(), spec.getMaxPerAddress(),
                    spec.isLimitLoopback() ? address -> true : ConnectionSlots::notLoopback);
            this.deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, spec.getProtocol() + "-login-deadlines");
                t.setDaemon(true);
                return t;
            });
        } else {
            AtomicInteger n = new AtomicInteger();
            ThreadPoolExecutor pool = new ThreadPoolExecutor(spec.getMaxThreads(), spec.getMaxThreads(), 60,
                    TimeUnit.SECONDS, new LinkedBlockingQueue<>(spec.getMaxThreads() * 4), r -> {
                        Thread t = new Thread(r, spec.getProtocol() + "-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            pool.allowCoreThreadTimeOut(true);
            this.workers = pool;
            this.sessions = null;
            this.deadlines = null;
        }
    }

    private boolean mailboxSessions() {
        return spec.getProtocol().startsWith("imap") || spec.getProtocol().startsWith("pop3");
    }

    void start() {
        if (spec.getPort() == 0) {
            LOG.info(name + " is off (port 0)");
            return;
        }
        ListenerTls t = tls();
        if (t.requested() == ListenerTls.Mode.IMPLICIT && t.mode() != ListenerTls.Mode.IMPLICIT) {
            // never serve in plaintext on a port clients expect to be encrypted
            LOG.severe(name + " is off: implicit TLS without a certificate: " + t.description());
            return;
        }
        tls = t;
        try {
            ServerSocket s = QuickAckSocket.server();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(spec.getBind()), spec.getPort()), 128);
            server = s;
        } catch (IOException e) {
            // the rest of the server keeps working; the log says why LMTP does not
            LOG.log(Level.SEVERE, name + " cannot listen on " + spec.getBind() + ":" + spec.getPort() + ": "
                    + e.getMessage());
            return;
        }
        acceptor = new Thread(this::accept, spec.getProtocol() + "-acceptor-" + spec.getPort());
        acceptor.setDaemon(true);
        acceptor.start();
        LOG.info(name + " listening on " + spec.getBind() + ":" + spec.getPort() + " (" + spec.getMaxThreads()
                + (sessions != null ? " connections" : " threads") + (t.mode() == ListenerTls.Mode.IMPLICIT ? ", TLS " + String.join("/", t.protocols()) : "")
                + ")");
    }

    /** The TLS set-up for this listener, logged once: what is offered, or why not. */
    private ListenerTls tls() {
        ListenerTls.Mode requested = spec.tlsMode();
        if (requested == ListenerTls.Mode.STARTTLS && !spec.supportsStarttls()) {
            LOG.warning(name + " has no STARTTLS command; tls = starttls ignored");
            return ListenerTls.off(ListenerTls.Mode.OFF, name + " has no STARTTLS");
        }
        ListenerTls t = ListenerTls.configure(requested, spec.getKeystore(), spec.getKeystorePassword(),
                spec.tlsPolicy());
        switch (t.mode()) {
            case STARTTLS -> LOG.info(name + " offers STARTTLS (" + String.join("/", t.protocols()) + ", "
                    + t.description() + ")");
            case IMPLICIT -> LOG.info(name + " uses implicit TLS (" + t.description() + ")");
            case OFF -> {
                if (spec.supportsStarttls()) LOG.info(name + " does not offer STARTTLS: " + t.description());
            }
        }
        return t;
    }

    private void accept() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!closed) LOG.log(Level.WARNING, name + " accept failed", e);
                continue;
            }
            if (sessions != null) {
                admit(socket);
                continue;
            }
            try {
                workers.execute(() -> serve(socket, null));
            } catch (RejectedExecutionException e) {
                if (tls.mode() == ListenerTls.Mode.IMPLICIT) {
                    close(socket); // the client waits for a handshake: a plaintext 421 would be noise
                } else {
                    refuse(socket, "Too many connections");
                }
            }
        }
    }

    /** An IMAP/POP3 connection gets a slot, or is told why not. */
    private void admit(Socket socket) {
        String peer = socket.getInetAddress().getHostAddress();
        ConnectionSlots.Admission a = sessions.admit(peer, socket);
        if (a.slot() == null) {
            boolean address = a.refusal() == ConnectionSlots.Refusal.PER_ADDRESS;
            LOG.fine(() -> name + " refused " + peer + (address ? ": too many connections from it that have not logged in"
                    : ": all " + spec.getMaxThreads() + " connections in use"));
            if (tls.mode() == ListenerTls.Mode.IMPLICIT) {
                close(socket); // the client waits for a handshake: a plaintext answer would be noise
            } else {
                refuse(socket, address ? "Too many connections from your address" : "Too many connections");
            }
            return;
        }
        ConnectionSlots.Slot slot = a.slot();
        // a silent client gets its BYE after the login timeout (the read timeout); one that
        // trickles a command now and then is closed at twice that after connecting
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            if (!slot.loggedInYet()) close(socket);
        }, 2L * spec.getLoginTimeout(), TimeUnit.SECONDS);
        try {
            workers.execute(() -> {
                try {
                    serve(socket, () -> {
                        slot.loggedIn();
                        deadline.cancel(false);
                    });
                } finally {
                    deadline.cancel(false);
                    slot.release();
                }
            });
        } catch (RejectedExecutionException e) {
            deadline.cancel(false);
            slot.release();
            close(socket);
        }
    }

    private void refuse(Socket socket, String reason) {
        String answer = spec.getProtocol().startsWith("pop3") ? "-ERR [SYS/TEMP] " + reason + ", try again later"
                : spec.getProtocol().startsWith("imap") ? "* BYE [UNAVAILABLE] " + reason + ", try again later"
                : "421 4.3.2 " + reason + ", try again later";
        try (socket; OutputStream out = socket.getOutputStream()) {
            out.write((answer + "\r\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException ignored) {
            // the client is gone anyway
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // gone anyway
        }
    }

    /**
     * Runs one session. For IMAP/POP3 ({@code loggedIn} not null) the read timeout is the short
     * login timeout until the client has logged in, then the protocol's idle timeout.
     */
    private void serve(Socket socket, Runnable loggedIn) {
        active.incrementAndGet();
        String peer = socket.getInetAddress().getHostAddress();
        ListenerTls t = tls;
        try (Connection c = new Connection(socket, t)) {
            socket.setSoTimeout((loggedIn == null ? spec.getTimeout() : Math.min(spec.getTimeout(), spec.getLoginTimeout()))
                    * 1000);
            Runnable onLogin = () -> {
                try {
                    socket.setSoTimeout(spec.getTimeout() * 1000);
                } catch (IOException e) {
                    LOG.fine(() -> name + " could not lift the login timeout for " + peer + ": " + e.getMessage());
                }
                loggedIn.run();
            };
            // answers are written whole and flushed; Nagle would hold the last segment of one
            // until the client's delayed ACK of the previous (40 ms per command)
            socket.setTcpNoDelay(true);
            if (t.mode() == ListenerTls.Mode.IMPLICIT) c.upgrade();
            InputStream in = c.socket.getInputStream();
            OutputStream out = c.socket.getOutputStream();
            if (spec instanceof LookupActivationSpec) {
                new SocketmapSession(new EndpointLookup(), in, out).run();
            } else if (spec.getProtocol().startsWith("imap")) {
                String host = System.getProperty("zcp.gateway.hostname", "");
                new ImapSession(new ImapEndpoint(factory), host.isBlank() ? hostname() : host,
                        new ImapSession.Options(!Boolean.parseBoolean(System.getProperty("zcp.gateway.plaintext", "false")),
                                Integer.getInteger("zcp.imap.maxfail", 10),
                                Long.getLong("zcp.imap.maxliteral", 128L * 1024 * 1024), 5,
                                Boolean.parseBoolean(System.getProperty("zcp.imap.idle", "true"))),
                        in, out, peer, t.mode() == ListenerTls.Mode.STARTTLS ? c::upgrade : null,
                        t.mode() == ListenerTls.Mode.IMPLICIT).onLogin(onLogin).events(FeedEvents.SHARED).run();
            } else if (spec.getProtocol().startsWith("pop3")) {
                String host = System.getProperty("zcp.gateway.hostname", "");
                new Pop3Session(new EndpointPop3(), host.isBlank() ? hostname() : host,
                        new Pop3Session.Options(!Boolean.parseBoolean(System.getProperty("zcp.gateway.plaintext", "false")),
                                10),
                        in, out, peer, t.mode() == ListenerTls.Mode.STARTTLS ? c::upgrade : null,
                        t.mode() == ListenerTls.Mode.IMPLICIT).onLogin(onLogin).run();
            } else {
                new LmtpSession(new EndpointBackend(), hostname(), 0, Path.of(System.getProperty("java.io.tmpdir")),
                        in, out, peer, t.mode() == ListenerTls.Mode.STARTTLS ? c::upgrade : null).run();
            }
        } catch (SSLException e) {
            LOG.info(name + " TLS with " + peer + " failed: " + e.getMessage());
        } catch (IOException e) {
            LOG.fine(name + " session with " + peer + " ended: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, name + " session with " + peer + " failed", e);
        } finally {
            active.decrementAndGet();
        }
    }

    /**
     * One accepted connection: the plain socket, or the TLS socket layered on it once upgraded.
     * Closing it closes both (with a TLS close_notify when upgraded).
     */
    private static final class Connection implements Closeable {
        private final ListenerTls tls;
        private Socket socket;

        Connection(Socket socket, ListenerTls tls) {
            this.socket = socket;
            this.tls = tls;
        }

        /** The {@link TlsUpgrade} of the session: handshake on the same connection. */
        TlsUpgrade.Streams upgrade() throws IOException {
            if (socket instanceof SSLSocket) throw new IllegalStateException("TLS already active");
            SSLSocket s = tls.wrap(socket);
            socket = s;
            return new TlsUpgrade.Streams(s.getInputStream(), s.getOutputStream());
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /**
     * Runs one store call on a fresh endpoint instance (the MDB's transaction is per call);
     * {@code unavailable} is the protocol's temporary-failure answer when there is none.
     */
    private <B> String withEndpoint(Class<B> type, Function<B, String> call, String unavailable) {
        return withEndpoint(type, call, () -> unavailable);
    }

    private <B, R> R withEndpoint(Class<B> type, Function<B, R> call, java.util.function.Supplier<R> unavailable) {
        MessageEndpoint ep;
        try {
            ep = factory.createEndpoint(null);
        } catch (UnavailableException e) {
            return unavailable.get();
        }
        try {
            return call.apply(type.cast(ep));
        } finally {
            ep.release();
        }
    }

    private final class EndpointBackend implements LmtpBackend {
        private static final String UNAVAILABLE = "TEMPFAIL: store unavailable";

        @Override
        public String checkRecipient(String address) {
            return withEndpoint(LmtpBackend.class, b -> b.checkRecipient(address), UNAVAILABLE);
        }

        @Override
        public String deliver(String recipient, String envelopeFrom, Path message) {
            return withEndpoint(LmtpBackend.class, b -> b.deliver(recipient, envelopeFrom, message), UNAVAILABLE);
        }
    }

    /** POP3 calls through the endpoint; no endpoint: the store is away for now. */
    private final class EndpointPop3 implements Pop3Backend {
        @Override
        public Login login(String user, String password, String peer, boolean tls) {
            return withEndpoint(Pop3Backend.class, b -> b.login(user, password, peer, tls),
                    () -> new Login(Status.UNAVAILABLE, null, "store unavailable"));
        }

        @Override
        public java.util.List<Entry> list(String mailbox) {
            return withEndpoint(Pop3Backend.class, b -> b.list(mailbox), () -> {
                throw new IllegalStateException("store unavailable");
            });
        }

        @Override
        public byte[] retrieve(String mailbox, String uid) {
            return withEndpoint(Pop3Backend.class, b -> b.retrieve(mailbox, uid), () -> {
                throw new IllegalStateException("store unavailable");
            });
        }

        @Override
        public boolean delete(String mailbox, java.util.List<String> uids) {
            return withEndpoint(Pop3Backend.class, b -> b.delete(mailbox, uids), () -> false);
        }

        @Override
        public void logout(String mailbox) {
            withEndpoint(Pop3Backend.class, b -> {
                b.logout(mailbox);
                return Boolean.TRUE;
            }, () -> Boolean.FALSE);
        }
    }

    private final class EndpointLookup implements LookupBackend {
        @Override
        public String lookup(String map, String key) {
            return withEndpoint(LookupBackend.class, b -> b.lookup(map, key), "TEMP store unavailable");
        }
    }

    void close() {
        closed = true;
        try {
            if (server != null) server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        if (deadlines != null) deadlines.shutdownNow();
        workers.shutdown();
        try {
            // sessions in DATA finish their deliveries before the endpoint goes away
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) workers.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
