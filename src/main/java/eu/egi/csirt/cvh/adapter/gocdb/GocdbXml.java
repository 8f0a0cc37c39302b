package eu.egi.csirt.cvh.adapter.gocdb;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** GOCDB's XML read with the JDK's DOM parser, DOCTYPEs refused (no external entities, no entity expansion: XXE). */
final class GocdbXml {

    private GocdbXml() {
    }

    /** One response: the result elements (everything under the root but {@code meta}) and the paging links. */
    record Page(List<Element> items, Optional<String> nextHref, Optional<Integer> count, Optional<Integer> maxPageSize) {
        /** GOCDB: a page with fewer results than the page size is the last one (no need to fetch an empty page). */
        boolean isLast() {
            return items.isEmpty() || nextHref.isEmpty() || count.orElse(1) == 0
                    || (count.isPresent() && maxPageSize.isPresent() && count.get() < maxPageSize.get());
        }
    }

    static Page parsePage(InputStream body) throws IOException, SAXException {
        Element root = parse(body).getDocumentElement();
        if (!"results".equals(root.getTagName())) {
            throw new SAXException("root element is <" + root.getTagName() + ">, expected <results>");
        }
        List<Element> items = new ArrayList<>();
        Optional<String> next = Optional.empty();
        Optional<Integer> count = Optional.empty();
        Optional<Integer> maxPageSize = Optional.empty();
        for (Element child : children(root)) {
            if (!"meta".equals(child.getTagName())) {
                items.add(child);
                continue;
            }
            for (Element m : children(child)) {
                if ("link".equals(m.getTagName()) && "next".equals(m.getAttribute("rel")) && !m.getAttribute("href").isBlank()) {
                    next = Optional.of(m.getAttribute("href").trim());
                } else if ("count".equals(m.getTagName())) {
                    count = number(m);
                } else if ("max_page_size".equals(m.getTagName())) {
                    maxPageSize = number(m);
                }
            }
        }
        return new Page(List.copyOf(items), next, count, maxPageSize);
    }

    /** A number we cannot read does not end paging; an empty page does. */
    private static Optional<Integer> number(Element e) {
        try {
            return Optional.of(Integer.parseInt(e.getTextContent().trim()));
        } catch (NumberFormatException unreadable) {
            return Optional.empty();
        }
    }

    static Document parse(InputStream body) throws IOException, SAXException {
        DocumentBuilder builder;
        try {
            builder = secureFactory().newDocumentBuilder(); // a factory per parse: factories are not thread-safe
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        builder.setErrorHandler(new ErrorHandler() { // the default one prints to stderr
            @Override public void warning(SAXParseException e) { }
            @Override public void error(SAXParseException e) throws SAXException { throw e; }
            @Override public void fatalError(SAXParseException e) throws SAXException { throw e; }
        });
        builder.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("external entity refused: " + systemId);
        });
        return builder.parse(body);
    }

    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) out.add(e);
        }
        return out;
    }

    static List<Element> children(Element parent, String tag) {
        return children(parent).stream().filter(e -> tag.equals(e.getTagName())).toList();
    }

    /** The trimmed text of the first child element {@code tag}, "" when there is none. */
    static String text(Element parent, String tag) {
        for (Element e : children(parent)) {
            if (tag.equals(e.getTagName())) return e.getTextContent().trim();
        }
        return "";
    }

    private static DocumentBuilderFactory secureFactory() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(false);
            return f;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser cannot be secured", e);
        }
    }
}
