package dev.reg.util;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** One JUnit XML testcase, as CI runners read them: passed (with its detail as output), failed, or skipped. */
public final class JUnitXml {
    private JUnitXml() {
    }

    public enum Outcome {
        PASSED, FAILED, SKIPPED
    }

    /** Writes the elements of a JUnit XML document. */
    @FunctionalInterface
    public interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    /** A whole document: the XML declaration, what {@code body} writes, a final newline. */
    public static String document(Body body) {
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            XMLStreamWriter w = javax.xml.stream.XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            body.write(w);
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot render JUnit XML: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /**
     * Writes {@code <testcase>} on a new line indented by {@code indent}.
     *
     * @param type the failure's type attribute (the tool that judged it)
     * @param detail the failure's text or the passed case's output; may be null
     */
    public static void testcase(XMLStreamWriter w, String indent, String cls, String name, Outcome outcome, String type, String message, String detail)
            throws XMLStreamException {
        w.writeCharacters("\n" + indent);
        w.writeStartElement("testcase");
        w.writeAttribute("classname", cls);
        w.writeAttribute("name", name);
        w.writeAttribute("time", "0");
        switch (outcome) {
            case FAILED -> {
                w.writeStartElement("failure");
                w.writeAttribute("message", message);
                w.writeAttribute("type", type);
                if (detail != null) {
                    w.writeCharacters(detail);
                }
                w.writeEndElement();
            }
            case SKIPPED -> {
                w.writeEmptyElement("skipped");
                w.writeAttribute("message", message);
            }
            case PASSED -> {
                if (detail != null) {
                    w.writeStartElement("system-out");
                    w.writeCharacters(detail);
                    w.writeEndElement();
                }
            }
        }
        w.writeEndElement();
    }
}
