package dev.reg.gate;

import dev.reg.util.JUnitXml;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** A gate result as JUnit XML, one testcase per bar, must-pass case and finding, so CI shows gates as tests. */
public final class GateJUnit {
    private GateJUnit() {
    }

    public static String render(GateReport r) {
        int failures = (int) (r.bars().stream().filter(b -> !b.pass()).count() + r.mustPass().stream().filter(m -> !m.pass()).count()
                + r.findings().size());
        int tests = r.bars().size() + r.mustPass().size() + r.findings().size();
        return JUnitXml.document(w -> {
            w.writeStartElement("testsuites");
            w.writeAttribute("name", "reg gate " + r.workflow());
            w.writeAttribute("tests", Integer.toString(tests));
            w.writeAttribute("failures", Integer.toString(failures));
            w.writeAttribute("errors", "0");
            w.writeCharacters("\n  ");
            w.writeStartElement("testsuite");
            w.writeAttribute("name", "gate " + r.workflow() + (r.runId() == null ? "" : " on " + r.runId()));
            w.writeAttribute("tests", Integer.toString(tests));
            w.writeAttribute("failures", Integer.toString(failures));
            w.writeAttribute("errors", "0");
            w.writeAttribute("skipped", "0");
            String cls = "reg.gate." + r.workflow();
            for (BarResult b : r.bars()) {
                String name = BarLine.name(b);
                StringBuilder detail = new StringBuilder("value " + fmt(b.value()) + ", n " + b.n());
                if (b.baseline() != null) {
                    detail.append(", baseline ").append(fmt(b.baseline()));
                }
                if (b.delta() != null) {
                    detail.append(", delta ").append(fmt(b.delta()));
                }
                if (BarLine.interval(b) != null) {
                    detail.append(", 95% interval ").append(BarLine.interval(b));
                }
                if (b.note() != null) {
                    detail.append("\n").append(b.note());
                }
                testcase(w, cls, name, b.pass(), "bar not met: " + BarLine.of(b),
                        detail.toString());
            }
            for (MustPassResult m : r.mustPass()) {
                testcase(w, cls + ".must_pass", m.caseId(), m.pass(), "must-pass case " + m.caseId() + " did not pass: " + m.reason(),
                        m.reason());
            }
            int i = 1;
            for (String f : r.findings()) {
                testcase(w, cls + ".findings", "finding " + i++, false, f, f);
            }
            w.writeCharacters("\n  ");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndElement();
        });
    }

    private static void testcase(XMLStreamWriter w, String cls, String name, boolean pass, String message, String detail)
            throws XMLStreamException {
        JUnitXml.testcase(w, "    ", cls, name, pass ? JUnitXml.Outcome.PASSED : JUnitXml.Outcome.FAILED, "gate", message, detail);
    }

    private static String fmt(Double v) {
        return dev.reg.stats.Numbers.brief(v);
    }
}
