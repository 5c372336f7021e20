package dev.reg.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.report.Report.CanaryBar;
import dev.reg.report.Report.CanaryReadout;
import dev.reg.report.Report.DriftReadout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recorded readouts are read by DESIGN.md's formats, tolerantly; anything else is a finding, never an error. */
class OnlineReadoutsTest {
    private static final List<CanaryBar> GATE_BARS = List.of(new CanaryBar("grounded_judge", "min_uplift", 0.08, true, null));

    private static OnlineReadouts.Parsed parse(String json) {
        return OnlineReadouts.parse("registry/online/wf/x.json", json.getBytes(StandardCharsets.UTF_8), GATE_BARS);
    }

    @Test
    void canaryReadoutAsRecorded() throws IOException {
        byte[] bytes = Files.readAllBytes(ReportFixture.READOUTS.resolve("canary-release-3.json"));
        CanaryReadout c = OnlineReadouts.parse("f.json", bytes, GATE_BARS).canary();
        assertNotNull(c);
        assertEquals(3, c.release());
        assertEquals("2026-12-01T03:10:00Z", c.at());
        assertEquals("rollback", c.verdict());
        assertEquals(0.62, c.srmP());
        assertEquals(3, c.metrics().size());
        assertEquals(-0.073171, c.metrics().get(0).relative().value());
        assertEquals(9000L, c.metrics().get(0).control().n());
        assertEquals(4, c.bars().size(), "the readout's own bars, not the gate file's");
        assertEquals("readout", c.barsFrom());
        assertEquals("fail", c.bars().get(3).status());
    }

    @Test
    void canaryWithoutBarsUsesTheGateFilesAndUnknownFieldsAreIgnored() {
        CanaryReadout c = parse("{\"format\":\"reg.canary/1\",\"future\":[1,2],\"srm\":{\"p\":null},\"metrics\":[{\"metric\":\"grounded_judge\","
                + "\"type\":\"score\",\"control\":{\"n\":10,\"mean\":4.1},\"treatment\":{\"n\":3,\"mean\":null},\"difference\":null,"
                + "\"relative\":{\"value\":0.1,\"low\":\"oops\",\"high\":0.2}}],\"verdict\":\"continue\",\"reasons\":[\"too few\",7]}").canary();
        assertNotNull(c);
        assertNull(c.srmP(), "null is no figure");
        assertNull(c.metrics().get(0).treatment().mean());
        assertNull(c.metrics().get(0).difference());
        assertNull(c.metrics().get(0).relative().low(), "a figure that is not a number is none");
        assertEquals(List.of("too few"), c.reasons());
        assertEquals(GATE_BARS, c.bars());
        assertEquals("gate file", c.barsFrom());
        assertNull(c.release());
        assertNull(c.at());
    }

    @Test
    void driftReadoutAsRecorded() throws IOException {
        byte[] bytes = Files.readAllBytes(ReportFixture.READOUTS.resolve("drift-2026-11-25.json"));
        DriftReadout d = OnlineReadouts.parse("f.json", bytes, List.of()).drift();
        assertEquals("yellow", d.level());
        assertEquals("2026-11-25T23:00:00Z", d.at(), "the end of the window it covers");
        assertEquals(4, d.fields().size());
        assertEquals(0.142, d.fields().get(1).psi());
        assertEquals("yellow", d.fields().get(1).level());
        assertEquals(0.034, d.embedding().psi(), "the embedding's cosine distance");
        DriftReadout noEmbedding = parse("{\"format\":\"reg.drift/1\",\"fields\":[],\"embedding\":null,\"level\":\"unknown\"}").drift();
        assertNull(noEmbedding.embedding());
    }

    @Test
    void whatIsNotAReadoutIsAFinding() {
        assertEquals("registry/online/wf/x.json", parse("{\"hello\":1}").finding().file());
        assertTrue(parse("{\"hello\":1}").finding().message().startsWith("no format field: not a readout"), parse("{}").finding().message());
        assertTrue(parse("{\"format\":\"reg.eval-run/1\"}").finding().message().startsWith("format 'reg.eval-run/1': not a readout"));
        assertTrue(parse("{\"format\": \"reg.canary/1\", ").finding().message().startsWith("not JSON"), parse("{").finding().message());
        assertTrue(parse("[1,2]").finding().message().contains("not a JSON object"));
        assertTrue(parse("").finding().message().contains("not a JSON object"));
        assertTrue(parse("{\"format\":\"reg.canary/1\"}").finding().message().contains("without a metrics list"));
        assertTrue(parse("{\"format\":\"reg.drift/1\",\"fields\":{}}").finding().message().contains("without a fields list"));
    }

    @Test
    void aDriftReferenceProfileIsNeitherAReadoutNorAFinding() {
        OnlineReadouts.Parsed p = parse("{\"format\":\"reg.drift-profile/1\",\"fields\":[]}");
        assertNull(p.canary());
        assertNull(p.drift());
        assertNull(p.finding());
    }
}
