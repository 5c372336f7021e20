package dev.reg.online;

import dev.reg.online.CanaryReadout.BarOutcome;
import dev.reg.util.JUnitXml;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A canary readout as JUnit XML so CI shows it as tests: one testcase for the sample-ratio check
 * and one per bar; a failed bar or a mismatch is a failure, a bar whose interval still straddles it
 * is skipped (not decided yet).
 */
public final class CanaryJUnit {
    private CanaryJUnit() {
    }

    public static String render(String workflow, CanaryReadout r) {
        int failures = (int) r.bars().stream().filter(b -> b.status() == BarStatus.FAIL).count() + (r.srm().mismatch() ? 1 : 0);
        int skipped = (int) r.bars().stream().filter(b -> b.status() == BarStatus.INCONCLUSIVE).count();
        int tests = r.bars().size() + 1;
        return JUnitXml.document(w -> {
            w.writeStartElement("testsuite");
            w.writeAttribute("name", "reg canary " + workflow + ": " + r.verdict().label());
            w.writeAttribute("tests", Integer.toString(tests));
            w.writeAttribute("failures", Integer.toString(failures));
            w.writeAttribute("errors", "0");
            w.writeAttribute("skipped", Integer.toString(skipped));
            String cls = "reg.canary." + workflow;
            String srm = String.format(java.util.Locale.ROOT, "treatment share %s, planned %s, chi-square p = %s",
                    CanaryAnalysis.percent(r.srm().observedShare()), CanaryAnalysis.percent(r.srm().plannedShare()), CanaryAnalysis.pValue(r.srm().p()));
            testcase(w, cls, "sample ratio", r.srm().mismatch() ? BarStatus.FAIL : BarStatus.PASS, "sample ratio mismatch: " + srm, srm);
            for (BarOutcome b : r.bars()) {
                String name = b.bar().describe() + (b.bar().relative() ? " (relative)" : "");
                testcase(w, cls, name, b.status(), name + ": " + b.reason(), b.reason());
            }
            w.writeCharacters("\n");
            w.writeEndElement();
        });
    }

    private static void testcase(XMLStreamWriter w, String cls, String name, BarStatus status, String message, String detail)
            throws XMLStreamException {
        JUnitXml.Outcome outcome = switch (status) {
            case PASS -> JUnitXml.Outcome.PASSED;
            case FAIL -> JUnitXml.Outcome.FAILED;
            case INCONCLUSIVE -> JUnitXml.Outcome.SKIPPED;
        };
        JUnitXml.testcase(w, "  ", cls, name, outcome, "canary", outcome == JUnitXml.Outcome.SKIPPED ? "not decided yet: " + detail : message, detail);
    }
}
