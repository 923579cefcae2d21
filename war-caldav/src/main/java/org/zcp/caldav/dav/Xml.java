package org.zcp.caldav.dav;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * DAV request bodies in, multistatus and error bodies out, with the JDK's DOM. Parsing refuses
 * DOCTYPEs (no entity expansion, no external fetches); serializing is our own small writer so the
 * fixed prefixes (D, C, CR, CS, A) are declared once on the root.
 */
public final class Xml {
    private static final Map<String, String> PREFIXES = Map.of(Names.DAV, "D", Names.CALDAV, "C", Names.CARDDAV, "CR",
            Names.CS, "CS", Names.APPLE, "A");
    private static final DocumentBuilderFactory FACTORY = factory();

    private Xml() {
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        try {
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        return f;
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilder b = FACTORY.newDocumentBuilder();
            b.setErrorHandler(null);
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body's document element; 400 when the body is not well-formed XML. */
    public static Element parse(byte[] body) {
        try {
            return builder().parse(new ByteArrayInputStream(body)).getDocumentElement();
        } catch (SAXException | java.io.IOException e) {
            throw new DavException(400, "malformed XML body: " + e.getMessage());
        }
    }

    public static Document newDocument(QName root) {
        Document d = builder().newDocument();
        d.appendChild(d.createElementNS(root.getNamespaceURI(), root.getLocalPart()));
        return d;
    }

    /** {@code <D:error><condition/></D:error>} (RFC 4918 section 16). */
    public static Document error(QName condition) {
        Document d = newDocument(Names.ERROR);
        add(d.getDocumentElement(), condition);
        return d;
    }

    public static QName name(Node n) {
        return new QName(n.getNamespaceURI() == null ? "" : n.getNamespaceURI(), n.getLocalName());
    }

    public static boolean is(Node n, QName q) {
        return n instanceof Element && name(n).equals(q);
    }

    /** The element children of {@code e}. */
    public static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) if (c instanceof Element el) out.add(el);
        return out;
    }

    public static List<Element> children(Element e, QName q) {
        return children(e).stream().filter(c -> is(c, q)).toList();
    }

    /** The first child of that name, or null. */
    public static Element child(Element e, QName q) {
        if (e == null) return null;
        for (Element c : children(e)) if (is(c, q)) return c;
        return null;
    }

    public static Element add(Element parent, QName q) {
        Element e = parent.getOwnerDocument().createElementNS(q.getNamespaceURI(), q.getLocalPart());
        parent.appendChild(e);
        return e;
    }

    public static Element add(Element parent, QName q, String text) {
        Element e = add(parent, q);
        e.setTextContent(text);
        return e;
    }

    public static byte[] serialize(Document d) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        write(d.getDocumentElement(), out, true, "");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(Element e, StringBuilder out, boolean root, String defaultNs) {
        String ns = e.getNamespaceURI() == null ? "" : e.getNamespaceURI();
        String prefix = PREFIXES.get(ns);
        String tag = prefix == null ? e.getLocalName() : prefix + ":" + e.getLocalName();
        out.append('<').append(tag);
        if (root) {
            PREFIXES.entrySet().stream().sorted(Map.Entry.comparingByValue())
                    .forEach(p -> out.append(" xmlns:").append(p.getValue()).append("=\"").append(p.getKey()).append('"'));
        }
        String innerDefault = defaultNs;
        if (prefix == null && !ns.equals(defaultNs)) {
            out.append(" xmlns=\"").append(escape(ns, true)).append('"');
            innerDefault = ns;
        }
        var attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Node a = attrs.item(i);
            if (a.getNamespaceURI() != null) continue; // only plain attributes (name="...", content-type="...")
            out.append(' ').append(a.getNodeName()).append("=\"").append(escape(a.getNodeValue(), true)).append('"');
        }
        if (!e.hasChildNodes()) {
            out.append("/>");
            return;
        }
        out.append('>');
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element ce) write(ce, out, false, innerDefault);
            else if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
                out.append(escape(c.getNodeValue(), false));
            }
        }
        out.append("</").append(tag).append('>');
    }

    private static String escape(String s, boolean attribute) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append(attribute ? "&quot;" : "\"");
                case '\r' -> b.append("&#13;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
