package org.zcp.store.pipeline.mailets;

import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.zcp.store.delivery.Autorespond;
import org.zcp.store.delivery.OutOfOfficeService;
import org.zcp.store.directory.DirEntry;
import org.zcp.mime.MimeToMapi;
import org.zcp.plugin.MailAttributes;
import org.zcp.store.pipeline.PipelineContext;
import org.zcp.store.pipeline.Services;

/**
 * The autoresponder (manual 4.5): when the store's out-of-office is on, the sender gets the
 * out-of-office text, once per TIMELIMIT of /etc/zarafa/autorespond; never an answer to oneself,
 * to or from mailer-daemon, postmaster or root, to junk, to automatic mail (Auto-Submitted,
 * Precedence, X-Zarafa-Vacation, List-Id) or mail that passed through the user or too many
 * automatic hops ({@link MailLoops}); only when the user is in To, unless AUTORESPOND_CC (also Cc)
 * or AUTORESPOND_NORECIP (always). The reply leaves through the spooler with a null reverse path
 * (RFC 3834).
 */
public class OutOfOffice extends GenericMailet {
    private static final Logger LOG = Logger.getLogger(OutOfOffice.class.getName());
    static final Set<String> SYSTEM_NAMES = Set.of("mailer-daemon", "postmaster", "root");

    @Override
    public void service(Mail mail) throws MessagingException {
        long userId = MailAttributes.number(mail, MailAttributes.USER).orElse(-1L);
        if (userId < 0 || MailAttributes.flag(mail, MailAttributes.JUNK)) return;
        Services services = ((PipelineContext) getMailetContext()).services();
        OutOfOfficeService oof = services.bean(OutOfOfficeService.class);
        OutOfOfficeService.Settings settings = oof.settings(userId);
        long now = System.currentTimeMillis();
        if (!settings.activeAt(now)) return;
        MimeMessage msg = mail.getMessage();
        if (automatic(msg)) return;
        String replyTo = replyAddress(mail, msg);
        if (replyTo == null || system(replyTo)) return;
        if (mail.hasSender() && system(mail.getMaybeSender().asString())) return;
        for (String to : addresses(msg, RecipientType.TO)) {
            if (system(to)) return;
        }
        DirEntry user = services.directory().require(userId);
        if (user.email() == null || user.email().isBlank()) {
            LOG.fine("out-of-office for " + user.name() + ": the user has no e-mail address, no reply");
            return;
        }
        List<String> own = ownAddresses(mail, user);
        if (own.contains(replyTo.toLowerCase(Locale.ROOT))) return;
        String loop = MailLoops.refusal(msg, own);
        if (loop != null) {
            LOG.info("out-of-office for " + user.name() + ": no reply to " + replyTo + ": " + loop);
            return;
        }
        Autorespond rules = oof.autorespond();
        boolean inTo = addresses(msg, RecipientType.TO).stream().anyMatch(own::contains);
        boolean inCc = addresses(msg, RecipientType.CC).stream().anyMatch(own::contains);
        if (!inTo && !(rules.cc() && inCc) && !rules.noRecipient()) return;
        if (!oof.claim(settings.storeId(), replyTo, now, rules.timeLimitSeconds())) {
            LOG.fine("out-of-office for " + user.name() + ": " + replyTo + " was answered within TIMELIMIT");
            return;
        }
        MimeMessage reply = reply(msg, user, replyTo, settings, now);
        services.outbound().submit(userId, MaybeSender.nullSender(), List.of(replyTo), reply);
        LOG.info("out-of-office reply from " + user.name() + " to " + replyTo + " queued");
    }

    /**
     * Mail no responder answers: RFC 3834 5.2 any Auto-Submitted other than "no" (its keyword,
     * before parameters; every such header counts), Precedence (bulk, list, junk),
     * another Zarafa's vacation reply, mailing lists (List-Id, RFC 3834 2).
     */
    static boolean automatic(MimeMessage msg) throws MessagingException {
        if (msg.getHeader("X-Zarafa-Vacation") != null || msg.getHeader("Precedence") != null
                || msg.getHeader("List-Id") != null) {
            return true;
        }
        String[] auto = msg.getHeader("Auto-Submitted");
        if (auto == null) return false;
        for (String a : auto) {
            if (!keyword(a).equalsIgnoreCase("no")) return true;
        }
        return false;
    }

    /** The leading keyword of a header value ("no" of "no; x=y"), without a regular expression. */
    private static String keyword(String value) {
        int i = 0;
        while (i < value.length() && Character.isWhitespace(value.charAt(i))) i++;
        int start = i;
        while (i < value.length() && (Character.isLetterOrDigit(value.charAt(i)) || value.charAt(i) == '-')) i++;
        return value.substring(start, i);
    }

    /** The From address (Reply-To is for people, an autoreply goes to the author), else the envelope. */
    static String replyAddress(Mail mail, MimeMessage msg) {
        try {
            Address[] from = msg.getFrom();
            if (from != null && from.length > 0 && from[0] instanceof InternetAddress ia && ia.getAddress() != null
                    && ia.getAddress().contains("@")) {
                return ia.getAddress();
            }
        } catch (MessagingException e) {
            // an unreadable From: fall back to the envelope
        }
        return mail.hasSender() ? mail.getMaybeSender().asString() : null;
    }

    static boolean system(String address) {
        String a = address.trim().toLowerCase(Locale.ROOT);
        int at = a.indexOf('@');
        String local = at < 0 ? a : a.substring(0, at);
        return SYSTEM_NAMES.contains(local);
    }

    static List<String> addresses(MimeMessage msg, RecipientType type) {
        List<String> out = new ArrayList<>();
        try {
            Address[] list = msg.getRecipients(type);
            if (list == null) return out;
            for (Address a : list) {
                if (a instanceof InternetAddress ia && ia.getAddress() != null) {
                    out.add(ia.getAddress().toLowerCase(Locale.ROOT));
                }
            }
        } catch (MessagingException e) {
            // unparsable header: nobody is in it
        }
        return out;
    }

    private static List<String> ownAddresses(Mail mail, DirEntry user) {
        List<String> own = new ArrayList<>();
        if (user.email() != null && !user.email().isBlank()) own.add(user.email().toLowerCase(Locale.ROOT));
        for (MailAddress r : mail.getRecipients()) own.add(r.asString().toLowerCase(Locale.ROOT));
        return own;
    }

    static MimeMessage reply(MimeMessage original, DirEntry user, String to, OutOfOfficeService.Settings s, long now)
            throws MessagingException {
        MimeMessage reply = new MimeMessage(MimeToMapi.session());
        try {
            String name = user.fullName() == null || user.fullName().isBlank() ? user.name() : user.fullName();
            reply.setFrom(new InternetAddress(user.email(), name, "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            reply.setFrom(new InternetAddress(user.email()));
        }
        reply.setRecipient(RecipientType.TO, new InternetAddress(to));
        String subject = s.subject().isBlank() ? "Out of office" : s.subject();
        String originalSubject = original.getSubject();
        reply.setSubject(originalSubject == null || originalSubject.isBlank() ? subject
                : subject + " [" + originalSubject + "]", "UTF-8");
        reply.setSentDate(new Date(now));
        String[] id = original.getHeader("Message-ID");
        if (id != null && id.length > 0) {
            reply.setHeader("In-Reply-To", id[0].trim());
            reply.setHeader("References", id[0].trim());
        }
        reply.setHeader("X-Zarafa-Vacation", "autorespond");
        reply.setHeader("Auto-Submitted", "auto-replied");
        MailLoops.mark(reply, original, user.email(), false);
        reply.setText(s.message(), "UTF-8");
        reply.saveChanges();
        return reply;
    }

    @Override
    public String getMailetInfo() {
        return "Out-of-office autoresponder (manual 4.5)";
    }
}
