package org.zcp.plugins;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Properties;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Mail;
import org.apache.mailet.Mailet;
import org.apache.mailet.MailetConfig;
import org.apache.mailet.MailetContext;
import org.zcp.api.mapi.ObjectClass;
import org.zcp.store.config.ServerSettings;
import org.zcp.store.directory.DirEntry;
import org.zcp.store.directory.Directory;
import org.zcp.plugin.MailAttributes;
import org.zcp.store.pipeline.PipelineContext;
import org.zcp.store.pipeline.Services;
import org.zcp.store.StoreException;

/** A pipeline context without a server: settings and directory are stand-ins. */
public final class Fixtures {
    public static final Session SESSION = Session.getInstance(new Properties());

    private Fixtures() {
    }

    /**
     * A context whose configuration directory is {@code configDirectory} (null: no server.cfg)
     * and whose users are the keys of {@code companies}, each in the company named by its value
     * (user id = company id).
     */
    public static PipelineContext context(Path configDirectory, Map<Long, String> companies) {
        ServerSettings settings = new ServerSettings() {
            @Override
            public Path configDirectory() {
                return configDirectory;
            }
        };
        Directory directory = new Directory() {
            @Override
            public DirEntry require(long id) {
                if (!companies.containsKey(id)) throw StoreException.notFound("directory object " + id);
                return new DirEntry(id, "x" + id, ObjectClass.ACTIVE_USER, id, Map.of());
            }

            @Override
            public String companyName(long companyId) {
                return companies.get(companyId);
            }
        };
        return new PipelineContext("test", new Services(settings, directory, null));
    }

    public static <M extends Mailet> M init(M mailet, MailetContext context) throws Exception {
        return init(mailet, context, Map.of());
    }

    /** With init parameters, as a mailetcontainer.xml gives them. */
    public static <M extends Mailet> M init(M mailet, MailetContext context, Map<String, String> parameters)
            throws Exception {
        mailet.init(new MailetConfig() {
            @Override
            public String getInitParameter(String name) {
                return parameters.get(name);
            }

            @Override
            public Iterator<String> getInitParameterNames() {
                return parameters.keySet().iterator();
            }

            @Override
            public MailetContext getMailetContext() {
                return context;
            }

            @Override
            public String getMailetName() {
                return mailet.getClass().getSimpleName();
            }
        });
        return mailet;
    }

    public static MimeMessage parse(byte[] raw) throws Exception {
        return new MimeMessage(SESSION, new ByteArrayInputStream(raw));
    }

    public static byte[] bytes(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    /** A message as the MTA would hand it over: built, written out and parsed again. */
    public static MimeMessage reparse(MimeMessage built) throws Exception {
        String[] id = built.getHeader("Message-ID");
        built.saveChanges();
        if (id != null) built.setHeader("Message-ID", id[0]);
        return parse(bytes(built));
    }

    public static Mail mail(MimeMessage message, String recipient, long user) throws Exception {
        Mail mail = MailImpl.builder().name("m1").sender("sender@example.com").addRecipient(recipient)
                .mimeMessage(message).build();
        MailAttributes.set(mail, MailAttributes.USER, user);
        return mail;
    }
}
