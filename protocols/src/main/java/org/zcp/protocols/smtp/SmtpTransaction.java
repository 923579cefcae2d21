package org.zcp.protocols.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands one message to a relay in one connection and says, for every recipient, what became of
 * it: a spooler retries the transient failures later and reports the permanent ones to the sender,
 * so a recipient's answer is the reply that decided its fate, not just its RCPT reply. Failures
 * of the connection itself (no connection, timeout, refused greeting, broken conversation) are
 * thrown, because they say nothing about any single recipient.
 */
public final class SmtpTransaction {
    private static final Logger LOG = Logger.getLogger(SmtpTransaction.class.getName());

    private SmtpTransaction() {
    }

    /**
     * The deciding reply per recipient, in the order the recipients were given: MAIL's refusal
     * for all of them, a recipient's own RCPT refusal, or the final reply to the message for every
     * recipient the server accepted.
     */
    public record Result(Map<String, SmtpReply> perRecipient) {
        public Result {
            perRecipient = Collections.unmodifiableMap(new LinkedHashMap<>(perRecipient));
        }

        /** Recipients the server took the message for. */
        public List<String> accepted() {
            return select(SmtpReply::positive);
        }

        /** Recipients worth another try later (4xx). */
        public List<String> transientFailures() {
            return select(SmtpReply::transientFailure);
        }

        /** Recipients refused for good (5xx). */
        public List<String> permanentFailures() {
            return select(SmtpReply::permanentFailure);
        }

        private List<String> select(Predicate<SmtpReply> test) {
            List<String> found = new ArrayList<>();
            perRecipient.forEach((rcpt, reply) -> {
                if (test.test(reply)) found.add(rcpt);
            });
            return List.copyOf(found);
        }
    }

    /**
     * Connects, runs MAIL, RCPT for each recipient and, when at least one was accepted, DATA,
     * then QUIT. A recipient listed twice is named once. The message is fetched from
     * {@code message} only when DATA is sent, and closed afterwards.
     *
     * @param size the message size for SIZE=, or -1 when unknown
     * @throws IllegalArgumentException for an address that could inject commands, before connecting
     * @throws SmtpException when the server refuses the connection (its reply tells 4xx from 5xx)
     *         or breaks the protocol
     * @throws IOException when the connection fails; whether the message was delivered is unknown
     */
    public static Result send(String host, int port, String heloName, int timeoutMillis, String envelopeFrom,
            List<String> recipients, Supplier<InputStream> message, long size, boolean eightBit) throws IOException {
        Set<String> rcpts = checkedRecipients(envelopeFrom, recipients);
        Objects.requireNonNull(message, "message");
        SmtpClient client = SmtpClient.connect(host, port, heloName, timeoutMillis);
        try {
            Result result = run(client, envelopeFrom, rcpts, message, size, eightBit);
            client.quit();
            return result;
        } finally {
            client.close();
        }
    }

    private static Set<String> checkedRecipients(String envelopeFrom, List<String> recipients) {
        SmtpClient.checkAddress(envelopeFrom, true);
        if (recipients.isEmpty()) throw new IllegalArgumentException("no recipients");
        Set<String> rcpts = new LinkedHashSet<>(recipients);
        for (String rcpt : rcpts) SmtpClient.checkAddress(rcpt, false);
        return rcpts;
    }

    private static Result run(SmtpClient client, String envelopeFrom, Set<String> recipients, Supplier<InputStream> message,
            long size, boolean eightBit) throws IOException {
        Map<String, SmtpReply> replies = new LinkedHashMap<>();
        SmtpReply mail = client.mailFrom(envelopeFrom, size, eightBit);
        if (!mail.positive()) {
            for (String rcpt : recipients) replies.put(rcpt, mail);
            return new Result(replies);
        }
        List<String> accepted = new ArrayList<>();
        for (String rcpt : recipients) {
            SmtpReply reply = client.rcptTo(rcpt);
            replies.put(rcpt, reply);
            if (reply.positive()) accepted.add(rcpt);
        }
        if (accepted.isEmpty()) return new Result(replies);
        SmtpReply end = data(client, message);
        for (String rcpt : accepted) replies.put(rcpt, end);
        return new Result(replies);
    }

    /** DATA with the message; a failure to close the message must not hide the server's verdict. */
    private static SmtpReply data(SmtpClient client, Supplier<InputStream> message) throws IOException {
        InputStream in = Objects.requireNonNull(message.get(), "message stream");
        try {
            return client.data(in);
        } finally {
            try {
                in.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing the message failed", e);
            }
        }
    }
}
