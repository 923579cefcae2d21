package org.zcp.mime;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import org.zcp.mime.TrackedMimeMessage;

/**
 * A parsed message that knows whether a mailet changed it: unchanged, the store keeps the bytes
 * the MTA sent (IMAP serves them byte for byte); changed, the new text is written out.
 */
public final class TrackedMimeMessage extends MimeMessage {
    private boolean changed;

    public TrackedMimeMessage(Session session, InputStream in) throws MessagingException {
        super(session, in);
    }

    public boolean changed() {
        return changed;
    }

    @Override
    public void saveChanges() throws MessagingException {
        changed = true;
        super.saveChanges();
    }

    /** A changed message keeps its Message-ID (duplicate suppression and threading depend on it). */
    @Override
    protected void updateMessageID() throws MessagingException {
        if (getHeader("Message-ID") == null) super.updateMessageID();
    }

    @Override
    public void setHeader(String name, String value) throws MessagingException {
        changed = true;
        super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) throws MessagingException {
        changed = true;
        super.addHeader(name, value);
    }

    @Override
    public void removeHeader(String name) throws MessagingException {
        changed = true;
        super.removeHeader(name);
    }

    @Override
    public void setContent(Object o, String type) throws MessagingException {
        changed = true;
        super.setContent(o, type);
    }

    @Override
    public void setContent(Multipart mp) throws MessagingException {
        changed = true;
        super.setContent(mp);
    }

    @Override
    public void setText(String text, String charset, String subtype) throws MessagingException {
        changed = true;
        super.setText(text, charset, subtype);
    }

    @Override
    public void setSubject(String subject, String charset) throws MessagingException {
        changed = true;
        super.setSubject(subject, charset);
    }
}
