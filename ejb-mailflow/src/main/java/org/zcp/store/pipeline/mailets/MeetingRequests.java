package org.zcp.store.pipeline.mailets;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.ParseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Logger;
import org.apache.james.core.MaybeSender;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.zcp.mime.Imip;
import org.zcp.plugin.MailAttributes;
import org.zcp.store.api.Calendars;
import org.zcp.store.api.Calendars.Outcome;
import org.zcp.store.api.Calendars.Scheduled;
import org.zcp.store.directory.DirEntry;
import org.zcp.store.pipeline.PipelineContext;
import org.zcp.store.pipeline.Services;

/**
 * Meeting requests, answers and cancellations in the delivery pipeline (docs/calendar.md; manual
 * 8.8): the message's text/calendar part (iMIP, RFC 6047, as Outlook, Google, Thunderbird and this
 * server send it) goes to the store's {@link Calendars}, which keeps the recipient's calendar in
 * step; the stored mail gets the meeting's message class, and where the mailbox answers by itself
 * the answer leaves through the spooler and the request goes to Deleted Items. Mail junk filtering
 * put aside is not acted on.
 */
public class MeetingRequests extends GenericMailet {
    private static final Logger LOG = Logger.getLogger(MeetingRequests.class.getName());
    /** A calendar part larger than this is no meeting request (the 10 MB bound of CalDAV, with room). */
    static final int MAX_CALENDAR = 4 * 1024 * 1024;

    @Override
    public void service(Mail mail) throws MessagingException {
        long userId = MailAttributes.number(mail, MailAttributes.USER).orElse(-1L);
        if (userId < 0 || MailAttributes.flag(mail, MailAttributes.JUNK)) return;
        String calendar = calendarPart(mail.getMessage());
        if (calendar == null) return;
        Services services = ((PipelineContext) getMailetContext()).services();
        Scheduled done = services.bean(Calendars.class).deliver(userId, calendar,
                OutOfOffice.replyAddress(mail, mail.getMessage()));
        if (done.messageClass() != null) {
            MailAttributes.set(mail, MailAttributes.MESSAGE_CLASS, done.messageClass());
            MailAttributes.set(mail, MailAttributes.MEETING, calendar);
        }
        if (done.outcome() == Outcome.NONE) {
            if (done.note() != null) LOG.fine("meeting mail for user " + userId + ": " + done.note());
            return;
        }
        if (done.folder() != null && MailAttributes.string(mail, MailAttributes.FOLDER_ID).isEmpty()) {
            MailAttributes.set(mail, MailAttributes.FOLDER_ID, done.folder());
        }
        if (done.reply() != null && done.replyTo() != null) {
            DirEntry user = services.directory().require(userId);
            MimeMessage answer = answer(user, done, mail.getMessage());
            services.outbound().submit(userId, MaybeSender.of(new MailAddress(user.email())), List.of(done.replyTo()),
                    answer);
        }
    }

    /** The first text/calendar part of the message (the whole message when it is one), or null. */
    static String calendarPart(Part part) throws MessagingException {
        try {
            if (part.isMimeType("text/calendar")) return text(part);
            if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart mp) {
                for (int i = 0; i < mp.getCount(); i++) {
                    BodyPart b = mp.getBodyPart(i);
                    // an attached message's meeting is not this message's
                    if (b.isMimeType("message/rfc822")) continue;
                    String found = calendarPart(b);
                    if (found != null) return found;
                }
            }
        } catch (IOException e) {
            LOG.fine("a part cannot be read: " + e);
        }
        return null;
    }

    private static String text(Part part) throws MessagingException, IOException {
        Charset cs = StandardCharsets.UTF_8;
        try {
            String name = new ContentType(part.getContentType()).getParameter("charset");
            if (name != null) cs = Charset.forName(name);
        } catch (ParseException | IllegalArgumentException e) {
            // an unknown charset: iCalendar's default, UTF-8
        }
        try (InputStream in = part.getInputStream()) {
            byte[] b = in.readNBytes(MAX_CALENDAR + 1);
            if (b.length > MAX_CALENDAR) return null;
            return new String(b, cs);
        }
    }

    /**
     * The answer as iMIP (RFC 6047 2.4): a text for people and the iTIP REPLY as text/calendar
     * with method=REPLY, marked as an automatic answer (RFC 3834) to the request it answers.
     */
    static MimeMessage answer(DirEntry user, Scheduled done, MimeMessage request) throws MessagingException {
        String name = user.fullName() == null || user.fullName().isBlank() ? user.name() : user.fullName();
        boolean accepted = done.outcome() == Outcome.ACCEPTED;
        String subject = request.getSubject();
        MimeMessage m = Imip.message(user.email(), name, List.of(done.replyTo()),
                (accepted ? "Accepted: " : "Declined: ") + (subject == null ? "" : subject),
                name + (accepted ? " has accepted this meeting." : " has declined this meeting.")
                        + (done.note() == null || accepted ? "" : "\r\n\r\nReason: " + done.note()) + "\r\n",
                "REPLY", done.reply());
        String[] id = request.getHeader("Message-ID");
        if (id != null && id.length > 0) {
            m.setHeader("In-Reply-To", id[0].trim());
            m.setHeader("References", id[0].trim());
        }
        m.setHeader("Auto-Submitted", "auto-replied");
        m.saveChanges();
        return m;
    }

    @Override
    public String getMailetInfo() {
        return "Meeting requests, answers and cancellations keep the calendar in step (manual 8.8)";
    }
}
