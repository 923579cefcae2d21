package org.zcp.store.pipeline.mailets;

import jakarta.activation.DataHandler;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.zcp.api.config.Config;
import org.zcp.store.api.rules.Rule;
import org.zcp.store.directory.DirEntry;
import org.zcp.mime.MapiToMime;
import org.zcp.mime.MimeToMapi;
import org.zcp.plugin.MailAttributes;
import org.zcp.store.pipeline.PipelineContext;
import org.zcp.store.pipeline.Services;
import org.zcp.store.rules.RuleEngine.Outcome;
import org.zcp.store.rules.RuleEngine;
import org.zcp.store.api.DeliveryRules;

/**
 * The Inbox rules of the recipient (zarafa-dagent's rule processing), only when the message goes
 * to the Inbox (not with zarafa-dagent -F, a rule's or plugin's folder, or to Junk E-mail). A move
 * becomes the target folder, copies further folders, "mark as read" the read flag; forwards (a
 * new message with the original attached) and redirects (the original with Resent- headers)
 * leave through the spooler from the user; a delete drops the message unless a move or copy
 * keeps it elsewhere. dagent.cfg {@code set_rule_headers} marks what rules send with
 * {@code X-Zarafa-Rule-Action}; {@code no_double_forward} sends nothing for a message that carries
 * it. Nothing is ever sent to the user's own address, nor again for a redirect of the user's that
 * came back, nor for a message that passed through the user or too many automatic hops before
 * ({@link MailLoops}, security review #8).
 */
public class InboxRules extends GenericMailet {
    private static final Logger LOG = Logger.getLogger(InboxRules.class.getName());
    /** The loop-protection header of what rules send (dagent.cfg set_rule_headers). */
    public static final String RULE_HEADER = "X-Zarafa-Rule-Action";

    @Override
    public void service(Mail mail) throws MessagingException {
        long userId = MailAttributes.number(mail, MailAttributes.USER).orElse(-1L);
        if (userId < 0 || !toInbox(mail)) return;
        Services services = ((PipelineContext) getMailetContext()).services();
        List<Rule> rules = services.bean(DeliveryRules.class).forDelivery(userId);
        if (rules.isEmpty()) return;
        MimeMessage msg = mail.getMessage();
        String recipient = mail.getRecipients().stream().findFirst().map(MailAddress::asString).orElse(null);
        String sender = mail.hasSender() ? mail.getMaybeSender().asString() : null;
        Outcome o;
        try {
            o = RuleEngine.evaluate(rules, msg, sender, recipient, size(mail));
        } catch (RuntimeException | StackOverflowError e) {
            // what the message holds must never make it undeliverable (security review #21):
            // it is delivered to the Inbox as if no rule matched
            LOG.log(Level.WARNING, "rules of user " + userId + " cannot be evaluated on " + mail.getName()
                    + "; delivered without rules", e);
            return;
        }
        if (!o.anyMatched()) return;
        DirEntry user = services.directory().require(userId);
        LOG.fine("rules of " + user.name() + " matched: " + o.matched());
        if (!o.forwards().isEmpty() || !o.redirects().isEmpty()) send(services, mail, msg, user, o);
        if (o.markRead()) MailAttributes.set(mail, MailAttributes.READ, true);
        if (o.discard()) {
            MailAttributes.set(mail, MailAttributes.DISCARDED, "deleted by rule " + o.deletedBy());
            mail.setState(Mail.GHOST);
            return;
        }
        if (o.targetFolder() != null) MailAttributes.set(mail, MailAttributes.FOLDER_ID, o.targetFolder());
        if (!o.copyFolders().isEmpty()) {
            Set<String> copies = new LinkedHashSet<>();
            MailAttributes.string(mail, MailAttributes.COPIES).ifPresent(s -> {
                for (String c : s.split("\n")) if (!c.isBlank()) copies.add(c.trim());
            });
            copies.addAll(o.copyFolders());
            MailAttributes.set(mail, MailAttributes.COPIES, String.join("\n", copies));
        }
    }

    /** Rules run only for a delivery to the Inbox. */
    static boolean toInbox(Mail mail) {
        return MailAttributes.string(mail, MailAttributes.FOLDER).filter(s -> !s.isBlank()).isEmpty()
                && mail.getAttribute(MailAttributes.FOLDER_ID).isEmpty()
                && mail.getAttribute(MailAttributes.PUBLIC_FOLDER).isEmpty()
                && !MailAttributes.flag(mail, MailAttributes.JUNK);
    }

    /** The size of the message as the MTA sent it, else as it is now. */
    private static long size(Mail mail) throws MessagingException {
        var file = MailAttributes.string(mail, MailAttributes.RFC822);
        if (file.isPresent()) {
            try {
                return Files.size(Path.of(file.get()));
            } catch (IOException | RuntimeException e) {
                // gone or unreadable: measure the message
            }
        }
        return mail.getMessageSize();
    }

    private void send(Services services, Mail mail, MimeMessage msg, DirEntry user, Outcome o) {
        Config dagent = services.settings().dagent();
        boolean ruleHeader = dagent.getBool("set_rule_headers");
        Set<String> own = new LinkedHashSet<>();
        if (user.email() != null && !user.email().isBlank()) own.add(user.email().trim().toLowerCase(Locale.ROOT));
        for (MailAddress r : mail.getRecipients()) own.add(r.asString().toLowerCase(Locale.ROOT));
        try {
            if (dagent.getBool("no_double_forward") && byRule(msg)) {
                LOG.info("rules of " + user.name() + ": not forwarding a message a rule forwarded already"
                        + " (no_double_forward)");
                return;
            }
            if (cameBack(msg, own)) {
                LOG.info("rules of " + user.name() + ": not forwarding a message the user's rules sent (mail loop)");
                return;
            }
            String loop = MailLoops.refusal(msg, own);
            if (loop != null) {
                LOG.info("rules of " + user.name() + ": nothing forwarded or redirected: " + loop);
                return;
            }
        } catch (MessagingException e) {
            LOG.warning("rules of " + user.name() + ": unreadable headers, nothing forwarded: " + e.getMessage());
            return;
        }
        if (user.email() == null || user.email().isBlank()) {
            LOG.warning("rules of " + user.name() + ": the user has no e-mail address, nothing forwarded");
            return;
        }
        InternetAddress from = userAddress(user);
        long now = System.currentTimeMillis();
        for (List<String> list : o.forwards()) {
            List<String> to = targets(list, own);
            if (to.isEmpty()) continue;
            try {
                submit(services, user, to, forward(msg, from, to, ruleHeader, now));
                LOG.info("rules of " + user.name() + ": forwarded to " + to);
            } catch (MessagingException | RuntimeException e) {
                LOG.log(Level.WARNING, "rules of " + user.name() + ": the forward to " + to + " failed: " + e, e);
            }
        }
        for (List<String> list : o.redirects()) {
            List<String> to = targets(list, own);
            if (to.isEmpty()) continue;
            try {
                submit(services, user, to, redirect(msg, from, to, ruleHeader, now));
                LOG.info("rules of " + user.name() + ": redirected to " + to);
            } catch (MessagingException | RuntimeException e) {
                LOG.log(Level.WARNING, "rules of " + user.name() + ": the redirect to " + to + " failed: " + e, e);
            }
        }
    }

    private static void submit(Services services, DirEntry user, List<String> to, MimeMessage mime)
            throws MessagingException {
        services.outbound().submit(user.id(), MaybeSender.of(new MailAddress(user.email().trim())), to, mime);
    }

    /** The user as a From address: full name (else login name) and primary address. */
    static InternetAddress userAddress(DirEntry user) {
        String name = user.fullName() == null || user.fullName().isBlank() ? user.name() : user.fullName();
        try {
            return new InternetAddress(user.email().trim(), name, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            InternetAddress a = new InternetAddress();
            a.setAddress(user.email().trim());
            return a;
        }
    }

    /** Whether a rule sent the message (it carries X-Zarafa-Rule-Action). */
    static boolean byRule(MimeMessage msg) throws MessagingException {
        return msg.getHeader(RULE_HEADER) != null;
    }

    /**
     * Whether the message is one the user's rules sent that came back: redirected by the user
     * (Resent-From one of {@code own}), or marked as sent by a rule and from the user.
     */
    static boolean cameBack(MimeMessage msg, Collection<String> own) throws MessagingException {
        if (anyOwn(msg.getHeader("Resent-From"), own)) return true;
        return byRule(msg) && anyOwn(msg.getHeader("From"), own);
    }

    private static boolean anyOwn(String[] headers, Collection<String> own) {
        if (headers == null) return false;
        for (String h : headers) {
            try {
                for (InternetAddress a : InternetAddress.parseHeader(h, false)) {
                    if (a.getAddress() != null && own.contains(a.getAddress().trim().toLowerCase(Locale.ROOT))) {
                        return true;
                    }
                }
            } catch (AddressException e) {
                // not an address: not ours
            }
        }
        return false;
    }

    /**
     * The plain addresses to send to: each of {@code addresses} parsed, without duplicates and
     * without the user's own addresses ({@code own}, lower case); unparsable entries are skipped.
     */
    static List<String> targets(List<String> addresses, Collection<String> own) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        for (String s : addresses) {
            if (s == null || s.isBlank()) continue;
            String a;
            try {
                a = new InternetAddress(s.trim(), false).getAddress();
            } catch (AddressException e) {
                LOG.warning("rule address \"" + s + "\" is not an address; skipped");
                continue;
            }
            if (a == null || a.isBlank()) continue;
            String key = a.trim().toLowerCase(Locale.ROOT);
            if (own.contains(key) || !seen.add(key)) continue;
            out.add(a.trim());
        }
        return out;
    }

    /**
     * A forward: a new message from the user to {@code to}, subject "FW: original subject", a
     * short text and the original attached whole (message/rfc822).
     */
    static MimeMessage forward(MimeMessage original, InternetAddress from, List<String> to, boolean ruleHeader,
            long now) throws MessagingException {
        MimeMessage fw = new MimeMessage(MimeToMapi.session());
        fw.setFrom(from);
        fw.setRecipients(RecipientType.TO, addresses(to));
        String subject = subject(original);
        fw.setSubject(subject.isEmpty() ? "FW:" : "FW: " + subject, "UTF-8");
        fw.setSentDate(new Date(now));
        if (ruleHeader) fw.setHeader(RULE_HEADER, "forward");
        MailLoops.mark(fw, original, from.getAddress(), false);
        MimeBodyPart text = new MimeBodyPart();
        text.setText("This message was forwarded automatically by a rule of " + from.toUnicodeString() + ".\r\n\r\n"
                + "-------- Original message --------\r\n"
                + "From: " + header(original, "From") + "\r\n"
                + "Date: " + header(original, "Date") + "\r\n"
                + "To: " + header(original, "To") + "\r\n"
                + (header(original, "Cc").isEmpty() ? "" : "Cc: " + header(original, "Cc") + "\r\n")
                + "Subject: " + subject + "\r\n", "UTF-8");
        MimeBodyPart attached = new MimeBodyPart();
        attached.setDataHandler(new DataHandler(new ByteArrayDataSource(MapiToMime.toBytes(original), "message/rfc822")));
        attached.setHeader("Content-Type", "message/rfc822");
        attached.setDisposition(Part.ATTACHMENT);
        attached.setFileName(fileName(subject));
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(text);
        mixed.addBodyPart(attached);
        fw.setContent(mixed);
        fw.saveChanges();
        return fw;
    }

    /**
     * A redirect: the original unchanged (Message-ID, From, body) with the Resent- block of RFC
     * 5322 (Resent-From the user, Resent-To, Resent-Date, Resent-Message-ID) added.
     */
    static MimeMessage redirect(MimeMessage original, InternetAddress from, List<String> to, boolean ruleHeader,
            long now) throws MessagingException {
        MimeMessage r = new MimeMessage(original);
        r.addHeader("Resent-From", from.toString());
        r.addHeader("Resent-To", InternetAddress.toString(addresses(to)));
        r.addHeader("Resent-Date", new MailDateFormat().format(new Date(now)));
        String domain = from.getAddress() != null && from.getAddress().contains("@")
                ? from.getAddress().substring(from.getAddress().lastIndexOf('@') + 1) : "localhost";
        r.addHeader("Resent-Message-ID", "<" + UUID.randomUUID() + "." + now + "@" + domain + ">");
        if (ruleHeader) r.setHeader(RULE_HEADER, "redirect");
        MailLoops.mark(r, original, from.getAddress(), true);
        return r;
    }

    private static InternetAddress[] addresses(List<String> to) throws AddressException {
        InternetAddress[] out = new InternetAddress[to.size()];
        for (int i = 0; i < out.length; i++) out[i] = new InternetAddress(to.get(i));
        return out;
    }

    private static String subject(MimeMessage msg) {
        try {
            String s = msg.getSubject();
            return s == null ? "" : s.trim();
        } catch (MessagingException e) {
            return header(msg, "Subject");
        }
    }

    /** A header of the original, unfolded and decoded, "" when absent. */
    private static String header(MimeMessage msg, String name) {
        try {
            String v = msg.getHeader(name, ", ");
            if (v == null) return "";
            v = MimeUtility.unfold(v).trim();
            try {
                return MimeUtility.decodeText(v);
            } catch (UnsupportedEncodingException | RuntimeException e) {
                return v;
            }
        } catch (MessagingException e) {
            return "";
        }
    }

    private static String fileName(String subject) {
        String base = subject.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").trim();
        if (base.length() > 60) base = base.substring(0, 60).trim();
        return (base.isEmpty() ? "message" : base) + ".eml";
    }

    @Override
    public String getMailetInfo() {
        return "Inbox rules: move, copy, delete, forward, redirect, mark as read";
    }
}
