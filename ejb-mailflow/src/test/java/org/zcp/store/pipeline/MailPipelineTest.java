package org.zcp.store.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetContext;
import org.apache.mailet.base.GenericMailet;
import org.junit.jupiter.api.Test;
import org.zcp.plugin.MailAttributes;
import org.zcp.mime.MimeToMapi;

/** The James mailet container embedded as our pipelines use it, without a server. */
class MailPipelineTest {
    static final String MESSAGE = "From: a@example.com\r\nTo: b@example.com\r\nSubject: hi\r\n\r\nbody\r\n";

    /** A context that answers what the container asks at start; mailets here need nothing more. */
    static MailetContext context() {
        return (MailetContext) Proxy.newProxyInstance(MailPipelineTest.class.getClassLoader(),
                new Class<?>[] {MailetContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getLogger" -> org.slf4j.LoggerFactory.getLogger("test");
                    case "getMajorVersion", "getMinorVersion" -> 3;
                    case "toString" -> "test context";
                    default -> method.getReturnType() == boolean.class ? false : null;
                });
    }

    static MailPipeline load(String xml) throws Exception {
        return MailPipeline.load("test", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), context(),
                new MailetLoaders(MailPipelineTest.class.getClassLoader()));
    }

    static Mail mail() throws Exception {
        return MailImpl.builder().name("m1").sender("a@example.com").addRecipient("b@example.com")
                .mimeMessage(MimeToMapi.parse(new ByteArrayInputStream(MESSAGE.getBytes(StandardCharsets.US_ASCII))))
                .build();
    }

    /** Records that it ran and ends the processing, like MailboxDelivery. */
    public static class Deliver extends GenericMailet {
        @Override
        public void service(Mail mail) throws MessagingException {
            // GHOST disposes the message: what a test wants to see is read here
            String[] seen = mail.getMessage().getHeader("X-Seen");
            String[] not = mail.getMessage().getHeader("X-Not");
            MailAttributes.set(mail, MailAttributes.FOLDER, (seen == null ? "-" : seen[0]) + "/" + (not == null ? "-" : not[0]));
            MailAttributes.set(mail, MailAttributes.DELIVERED, "done");
            mail.setState(Mail.GHOST);
        }
    }

    public static class Fail extends GenericMailet {
        @Override
        public void service(Mail mail) throws MessagingException {
            throw new MessagingException("broken on purpose");
        }
    }

    static String pipeline(String transport) {
        return "<mailetcontainer><processors>"
                + "<processor state=\"root\"><mailet match=\"All\" class=\"ToProcessor\"><processor>transport</processor>"
                + "</mailet></processor>"
                + "<processor state=\"transport\">" + transport + "</processor>"
                + "<processor state=\"error\"><mailet match=\"All\" class=\"Null\"/></processor>"
                + "</processors></mailetcontainer>";
    }

    @Test
    void standardMailetsMatchersAndOursRunInOrder() throws Exception {
        try (MailPipeline p = load(pipeline(
                "<mailet match=\"SubjectIs=hi\" class=\"SetMimeHeader\"><name>X-Seen</name><value>yes</value></mailet>"
                        + "<mailet match=\"SubjectIs=other\" class=\"SetMimeHeader\"><name>X-Not</name><value>no</value></mailet>"
                        + "<mailet match=\"All\" class=\"" + Deliver.class.getName() + "\"/>"))) {
            Mail mail = mail();
            p.service(mail);
            assertThat(MailAttributes.string(mail, MailAttributes.FOLDER)).contains("yes/-");
            assertThat(MailAttributes.string(mail, MailAttributes.DELIVERED)).contains("done");
            assertThat(mail.getState()).isEqualTo(Mail.GHOST);
        }
    }

    @Test
    void aFailingMailetSendsTheMailToErrorWithTheCause() throws Exception {
        try (MailPipeline p = load(pipeline("<mailet match=\"All\" class=\"" + Fail.class.getName() + "\"/>"
                + "<mailet match=\"All\" class=\"" + Deliver.class.getName() + "\"/>"))) {
            Mail mail = mail();
            p.service(mail);
            assertThat(MailAttributes.string(mail, MailAttributes.DELIVERED)).isEmpty();
            Object error = mail.getAttribute(Mail.MAILET_ERROR).orElseThrow().getValue().value();
            assertThat(error).isInstanceOf(MessagingException.class);
            assertThat(((Throwable) error).getMessage()).contains("broken on purpose");
        }
    }

    @Test
    void ignoreGoesOnWithTheNextMailet() throws Exception {
        try (MailPipeline p = load(pipeline("<mailet match=\"All\" class=\"" + Fail.class.getName()
                + "\"><onMailetException>ignore</onMailetException></mailet><mailet match=\"All\" class=\"" + Deliver.class.getName() + "\"/>"))) {
            Mail mail = mail();
            p.service(mail);
            assertThat(MailAttributes.string(mail, MailAttributes.DELIVERED)).contains("done");
        }
    }

    @Test
    void anUnknownMailetStopsTheStartWithItsName() {
        assertThatThrownBy(() -> load(pipeline("<mailet match=\"All\" class=\"NoSuchMailet\"/>")))
                .isInstanceOf(MailPipeline.PipelineException.class).hasMessageContaining("NoSuchMailet");
    }

    @Test
    void aFileWithoutProcessorsIsRefused() {
        assertThatThrownBy(() -> load("<mailetcontainer/>")).isInstanceOf(MailPipeline.PipelineException.class)
                .hasMessageContaining("no <processors>");
    }

    @Test
    void theBuiltInPipelinesLoad() throws Exception {
        for (String name : List.of("dagent", "spooler")) {
            try (InputStream in = Pipelines.class.getResourceAsStream(name + "-mailetcontainer.xml");
                    MailPipeline p = MailPipeline.load(name, in, context(),
                            new MailetLoaders(MailPipelineTest.class.getClassLoader()))) {
                assertThat(p.name()).isEqualTo(name);
            }
        }
    }

    @Test
    void twoContainersLiveSideBySide() throws Exception {
        try (MailPipeline a = load(pipeline("<mailet match=\"All\" class=\"" + Deliver.class.getName() + "\"/>"));
                MailPipeline b = load(pipeline("<mailet match=\"All\" class=\"" + Deliver.class.getName() + "\"/>"))) {
            Mail mail = mail();
            b.service(mail);
            assertThat(MailAttributes.string(mail, MailAttributes.DELIVERED)).contains("done");
        }
    }
}
