package org.zcp.store.mapi;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.zcp.store.api.rules.Rule;

/**
 * The rules of an Inbox as stored in its PR_RULES_DATA property: UTF-8 XML,
 * {@code <rules version="1"><rule>...</rule>...</rules>}, each {@code rule} in the form of the
 * SOAP type {@link Rule}, in ascending sequence.
 */
@XmlRootElement(name = "rules")
@XmlAccessorType(XmlAccessType.FIELD)
public class RuleSet {
    /** The version of this format. */
    public static final int VERSION = 1;

    @XmlAttribute
    public int version = VERSION;

    @XmlElement(name = "rule")
    public List<Rule> rules = new ArrayList<>();

    public RuleSet() {
    }

    public RuleSet(List<Rule> rules) {
        this.rules = new ArrayList<>(rules);
    }

    private static final class Holder {
        static final JAXBContext CONTEXT = create();

        private static JAXBContext create() {
            try {
                return JAXBContext.newInstance(RuleSet.class);
            } catch (JAXBException e) {
                throw new IllegalStateException("the rules format cannot be bound: " + e, e);
            }
        }
    }

    /** The stored form of {@code rules}, sorted by sequence. */
    public static byte[] toXml(List<Rule> rules) {
        try {
            Marshaller m = Holder.CONTEXT.createMarshaller();
            m.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.marshal(new RuleSet(Rule.inOrder(rules)), out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write the rules: " + e, e);
        }
    }

    /** The rules of a stored form, sorted by sequence; empty for null or empty data. */
    public static List<Rule> fromXml(byte[] xml) {
        if (xml == null || xml.length == 0) return new ArrayList<>();
        XMLInputFactory f = XMLInputFactory.newFactory();
        // the data is ours, but a parser of stored bytes resolves nothing outside them
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader in = f.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                RuleSet set = Holder.CONTEXT.createUnmarshaller().unmarshal(in, RuleSet.class).getValue();
                List<Rule> rules = set.rules == null ? new ArrayList<>() : set.rules;
                rules.removeIf(r -> r == null);
                return Rule.inOrder(rules);
            } finally {
                in.close();
            }
        } catch (JAXBException | XMLStreamException e) {
            throw new IllegalArgumentException("the stored rules cannot be read: " + e, e);
        }
    }
}
