package org.zcp.store.scheduling;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.zcp.api.mapi.MapiError;
import org.zcp.ical.ICalException;
import org.zcp.ical.Itip;
import org.zcp.mime.Imip;
import org.zcp.store.StoreException;
import org.zcp.store.api.Scheduling;
import org.zcp.store.directory.DirEntry;
import org.zcp.store.directory.Directory;
import org.zcp.store.pipeline.Outbound;
import org.zcp.store.session.Session;
import org.zcp.store.session.SessionManager;

/**
 * iMIP from a user (docs/calendar.md, "Scheduling"): the iTIP message as mail from the session's
 * user, queued in their Outbox through the spooler's door for generated mail, in the caller's
 * transaction.
 */
@Stateless
public class SchedulingBean implements Scheduling {
    private static final Logger LOG = Logger.getLogger(SchedulingBean.class.getName());
    /** At most this many recipients per message, as a meeting has at most so many attendees (ical). */
    static final int MAX_RECIPIENTS = 1000;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy HH:mm z", Locale.ENGLISH);

    @Inject
    SessionManager sessions;

    @Inject
    Directory directory;

    @Inject
    Outbound spooler;

    @Override
    public void send(String session, String calendar, List<String> recipients) {
        Session s = sessions.require(session);
        DirEntry user = directory.require(s.userId());
        String from = user.email();
        if (from == null || from.isBlank()) throw StoreException.invalid("you have no e-mail address to invite from");
        Itip.Message m;
        try {
            m = Itip.read(calendar, ZoneId.systemDefault());
        } catch (ICalException e) {
            throw StoreException.invalid("not a scheduling message: " + e.getMessage());
        }
        if (m.method() != Itip.Method.REQUEST && m.method() != Itip.Method.CANCEL && m.method() != Itip.Method.REPLY
                && m.method() != Itip.Method.COUNTER) {
            throw StoreException.invalid("METHOD " + m.method() + " is not sent");
        }
        List<String> to = new ArrayList<>(new LinkedHashSet<>(recipients.stream()
                .map(r -> r.trim().toLowerCase(Locale.ROOT)).filter(r -> !r.equalsIgnoreCase(from.trim())).toList()));
        if (to.isEmpty()) return;
        if (to.size() > MAX_RECIPIENTS) throw StoreException.invalid("more than " + MAX_RECIPIENTS + " recipients");
        for (String r : to) {
            try {
                new InternetAddress(r, true).validate();
            } catch (AddressException e) {
                throw StoreException.invalid("not an e-mail address: " + r);
            }
        }
        String name = user.fullName() == null || user.fullName().isBlank() ? user.name() : user.fullName();
        try {
            MimeMessage mail = Imip.message(from, name, to, subject(m), text(m, name), m.method().name(), calendar);
            spooler.submit(user.id(), MaybeSender.of(new MailAddress(from)), to, mail);
        } catch (MessagingException e) {
            throw new StoreException(MapiError.MAPI_E_CALL_FAILED, "the invitation cannot be queued: " + e.getMessage());
        }
        LOG.info(m.method() + " of meeting " + m.uid() + " from " + directory.loginName(user) + " to " + to.size()
                + " recipient(s) queued");
    }

    private static String subject(Itip.Message m) {
        String summary = m.summary() == null ? "" : m.summary();
        return switch (m.method()) {
            case CANCEL -> "Canceled: " + summary;
            case COUNTER -> "New Time Proposed: " + summary;
            case REPLY -> {
                Itip.PartStat p = m.attendees().isEmpty() ? null : Itip.PartStat.of(m.attendees().get(0).partStat());
                yield (p == Itip.PartStat.ACCEPTED ? "Accepted: " : p == Itip.PartStat.DECLINED ? "Declined: "
                        : "Tentative: ") + summary;
            }
            default -> "Invitation: " + summary;
        };
    }

    private static String text(Itip.Message m, String name) {
        String when = m.start() == null ? "" : " on " + WHEN.format(m.start().atZone(ZoneId.systemDefault()));
        String summary = m.summary() == null ? "a meeting" : "\"" + m.summary() + "\"";
        return switch (m.method()) {
            case CANCEL -> name + " has canceled " + summary + when + ".\r\n";
            case COUNTER -> name + " proposes to hold " + summary + when + " instead.\r\n";
            case REPLY -> name + " has answered the invitation to " + summary + ": "
                    + (m.attendees().isEmpty() ? "" : m.attendees().get(0).partStat().toLowerCase(Locale.ROOT)) + ".\r\n";
            default -> name + " invites you to " + summary + when + ".\r\n";
        };
    }
}
