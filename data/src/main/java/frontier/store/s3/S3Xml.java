package frontier.store.s3;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The two S3 answers an anonymous reader needs, parsed with the JDK's XML parser configured for
 * input from the network: no DOCTYPE at all (so no external entities, no entity expansion), no
 * external DTDs or schemas, no XInclude, the JDK's secure-processing limits.
 */
final class S3Xml {
    private S3Xml() {
    }

    /** An S3 error body: {@code <Error><Code>NoSuchKey</Code><Message>...</Message></Error>}. */
    record Error(String code, String message) {
    }

    /** One page of a ListObjectsV2 answer: object keys with their sizes, common prefixes, the next page's token. */
    record ListPage(List<String> keys, List<Long> sizes, List<String> prefixes, boolean truncated, String nextToken) {
    }

    private static final DocumentBuilderFactory FACTORY = factory();

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        try {
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured safely", e);
        }
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(false);
        return f;
    }

    static Document parse(byte[] body, String what) throws IOException {
        try {
            DocumentBuilder b = FACTORY.newDocumentBuilder();
            b.setErrorHandler(new org.xml.sax.ErrorHandler() { // the default one prints to stderr
                @Override
                public void warning(org.xml.sax.SAXParseException e) {
                }

                @Override
                public void error(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return b.parse(new ByteArrayInputStream(body));
        } catch (SAXException | ParserConfigurationException e) {
            throw new IOException(what + ": not the XML S3 answers with (" + e.getMessage() + ")", e);
        }
    }

    /** The error a body describes, or null when it is not an S3 error document (empty, HTML, ...). */
    static Error error(byte[] body) {
        if (body == null || body.length == 0) return null;
        try {
            Element root = parse(body, "error").getDocumentElement();
            if (!"Error".equals(root.getNodeName())) return null;
            String code = child(root, "Code");
            return code == null ? null : new Error(code, child(root, "Message"));
        } catch (IOException e) {
            return null;
        }
    }

    /** A ListObjectsV2 page; keys and prefixes URL-decoded when the server says it encoded them. */
    static ListPage listPage(byte[] body, String what) throws IOException {
        Element root = parse(body, what).getDocumentElement();
        if (!"ListBucketResult".equals(root.getNodeName())) {
            throw new IOException(what + ": expected a ListBucketResult, got <" + root.getNodeName() + ">");
        }
        boolean encoded = "url".equalsIgnoreCase(child(root, "EncodingType"));
        List<String> keys = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e)) continue;
            if (e.getNodeName().equals("Contents")) {
                String key = child(e, "Key");
                if (key == null) continue;
                keys.add(encoded ? decode(key) : key);
                String size = child(e, "Size");
                try {
                    sizes.add(size == null ? -1 : Long.parseLong(size.trim()));
                } catch (NumberFormatException ex) {
                    throw new IOException(what + ": bad Size '" + size + "' for key " + key);
                }
            } else if (e.getNodeName().equals("CommonPrefixes")) {
                String p = child(e, "Prefix");
                if (p != null) prefixes.add(encoded ? decode(p) : p);
            }
        }
        boolean truncated = "true".equalsIgnoreCase(child(root, "IsTruncated"));
        return new ListPage(keys, sizes, prefixes, truncated, child(root, "NextContinuationToken"));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The text of the first child element with this name, or null. */
    private static String child(Element parent, String name) {
        NodeList l = parent.getChildNodes();
        for (int i = 0; i < l.getLength(); i++) {
            if (l.item(i) instanceof Element e && e.getNodeName().equals(name)) return e.getTextContent();
        }
        return null;
    }
}
