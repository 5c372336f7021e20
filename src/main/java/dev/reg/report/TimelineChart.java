package dev.reg.report;

import static dev.reg.report.Svg.c;
import static dev.reg.report.Svg.esc;

import dev.reg.report.Report.Release;
import dev.reg.report.Report.TimelineEvent;
import dev.reg.report.Report.WorkflowReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The release timeline: every decision, status change, freeze and unfreeze of a workflow, one slot
 * each in time order (evenly spaced, with the time under each: during an incident several decisions
 * fall within minutes and would pile up on a true time scale), with which release was live in a
 * lane underneath, freezes as hatched spans, and each rollback as an arrow back to the release it
 * restored. Each kind of event has its own shape and word, never colour alone.
 */
final class TimelineChart {
    private static final double TOP = 14;
    private static final double ARC_BASE = 58;
    private static final double WORD_Y = 72;
    private static final double LABEL_Y = 88;
    private static final double AXIS_Y = 108;
    private static final double DATE_Y = 132;
    private static final double TIME_Y = 145;
    private static final double LIVE_Y = 158;
    private static final double LIVE_H = 20;
    private static final double HEIGHT = 192;
    private static final double SIDE = 18;

    /** The kinds of event the timeline draws, in legend order: CSS class, legend word. */
    static final Map<String, String> KINDS = kinds();

    private static Map<String, String> kinds() {
        Map<String, String> k = new LinkedHashMap<>();
        k.put("shipped", "shipped");
        k.put("forced", "forced (shipped on a failed gate)");
        k.put("held", "held by the gate");
        k.put("canary", "canary");
        k.put("candidate", "candidate");
        k.put("rollback", "rollback (arrow: to the release it restored)");
        k.put("bad", "marked bad");
        k.put("rolled-back", "rolled back");
        k.put("freeze", "freeze / unfreeze (hatched: frozen)");
        return k;
    }

    private TimelineChart() {
    }

    static String render(WorkflowReport wf, String id) {
        List<TimelineEvent> events = wf.timeline();
        int m = events.size();
        double slot = m <= 10 ? Math.min(130, 1100.0 / Math.max(1, m)) : Math.max(14, Math.min(76, 960.0 / m));
        double width = SIDE * 2 + Math.max(1, m) * slot;
        // a long history keeps its full width and scrolls; a short one may shrink to about a phone's width, then scrolls
        double minWidth = m > 10 && width > 1000 ? width : 600;
        Map<Integer, Integer> decisionSlot = new HashMap<>();
        for (int i = 0; i < m; i++) {
            Integer r = events.get(i).release();
            if (r != null) {
                decisionSlot.putIfAbsent(r, i);
            }
        }
        StringBuilder sb = new StringBuilder(4096 + m * 220);
        sb.append(Svg.open(id, width, HEIGHT, "Release timeline of " + wf.workflow(), describe(wf), minWidth));
        sb.append("<defs><pattern id=\"").append(id).append("-hatch\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\""
                + " patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" class=\"hatch-bg\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\""
                + " class=\"hatch-line\"/></pattern><marker id=\"").append(id).append("-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\""
                + " markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0 0L10 5L0 10z\" class=\"arrow-head\"/></marker></defs>");
        // freezes: from each freeze to the next unfreeze, or to the end while still frozen
        Integer frozeAt = null;
        for (int i = 0; i <= m; i++) {
            String e = i < m ? events.get(i).event() : null;
            if ("freeze".equals(e) && frozeAt == null) {
                frozeAt = i;
            } else if (frozeAt != null && ("unfreeze".equals(e) || i == m)) {
                double x0 = x(frozeAt, slot);
                double x1 = i == m ? width - SIDE / 2 : x(i, slot);
                TimelineEvent f = events.get(frozeAt);
                sb.append("<g class=\"frozen\"><rect x=\"").append(c(x0)).append("\" y=\"").append(c(TOP)).append("\" width=\"")
                        .append(c(Math.max(2, x1 - x0))).append("\" height=\"").append(c(LIVE_Y + LIVE_H - TOP)).append("\" fill=\"url(#")
                        .append(id).append("-hatch)\"/><text x=\"").append(c(x0 + 4)).append("\" y=\"").append(c(TOP + 10))
                        .append("\" class=\"small\">frozen</text><title>frozen from ").append(esc(f.at()))
                        .append(i < m ? " to " + esc(events.get(i).at()) : " (still frozen)")
                        .append(f.reason() == null ? "" : ": " + esc(f.reason())).append("</title></g>");
                frozeAt = null;
            }
        }
        sb.append("<line x1=\"").append(c(SIDE / 2)).append("\" y1=\"").append(c(AXIS_Y)).append("\" x2=\"").append(c(width - SIDE / 2))
                .append("\" y2=\"").append(c(AXIS_Y)).append("\" class=\"axis\"/>");
        liveLane(sb, wf, events, decisionSlot, slot, width);
        // rollbacks: an arrow from the rollback back to the release it restored
        for (int i = 0; i < m; i++) {
            TimelineEvent e = events.get(i);
            if ("rollback".equals(e.event()) && e.rollbackTo() != null && decisionSlot.containsKey(e.rollbackTo())) {
                double x0 = x(i, slot);
                double x1 = x(decisionSlot.get(e.rollbackTo()), slot);
                double apex = Math.max(TOP + 10, ARC_BASE - 10 - Math.min(30, Math.abs(x0 - x1) / 8));
                sb.append("<g class=\"rollback-arc\"><path d=\"M").append(c(x0)).append(' ').append(c(ARC_BASE)).append("C").append(c(x0))
                        .append(' ').append(c(apex)).append(' ').append(c(x1)).append(' ').append(c(apex)).append(' ').append(c(x1))
                        .append(' ').append(c(ARC_BASE)).append("\" marker-end=\"url(#").append(id).append("-arrow)\"/>");
                if (slot >= 40) {
                    sb.append("<text x=\"").append(c((x0 + x1) / 2)).append("\" y=\"").append(c(apex + 4))
                            .append("\" class=\"small mid halo\">rollback #").append(e.rollbackFrom()).append(" → #").append(e.rollbackTo())
                            .append("</text>");
                }
                sb.append("<title>rollback of release ").append(e.rollbackFrom()).append(" to release ").append(e.rollbackTo())
                        .append(" (as release ").append(e.release()).append(")</title></g>");
            }
        }
        int labelEvery = (int) Math.ceil(34 / slot);
        int timeEvery = (int) Math.ceil(64 / slot);
        String lastDate = null;
        boolean titles = m <= 400;
        for (int i = 0; i < m; i++) {
            TimelineEvent e = events.get(i);
            double x = x(i, slot);
            String kind = kind(e);
            sb.append("<g class=\"ev ev-").append(kind).append("\">").append(glyph(kind, x, AXIS_Y, slot >= 24 ? 7 : 4.5));
            if (titles) {
                sb.append("<title>").append(esc(e.at())).append(": ").append(esc(describe(e))).append("</title>");
            }
            sb.append("</g>");
            if (i % labelEvery == 0) {
                if (e.release() != null) {
                    sb.append("<text x=\"").append(c(x)).append("\" y=\"").append(c(LABEL_Y)).append("\" class=\"lbl mid\">#")
                            .append(e.release()).append("</text>");
                }
                if (slot >= 40) {
                    sb.append("<text x=\"").append(c(x)).append("\" y=\"").append(c(WORD_Y)).append("\" class=\"small mid\">")
                            .append(esc(e.event())).append("</text>");
                }
            }
            if (i % timeEvery == 0 && e.at() != null) {
                String[] dt = dateAndTime(e.at());
                if (!dt[0].equals(lastDate)) {
                    // the first date starts at the chart's edge rather than running off it
                    boolean first = x - 36 < 0;
                    sb.append("<text x=\"").append(c(first ? 2 : x)).append("\" y=\"").append(c(DATE_Y)).append("\" class=\"small")
                            .append(first ? "" : " mid").append("\">").append(esc(dt[0])).append("</text>");
                    lastDate = dt[0];
                }
                sb.append("<text x=\"").append(c(x)).append("\" y=\"").append(c(TIME_Y)).append("\" class=\"small mid muted\">")
                        .append(esc(dt[1])).append("</text>");
            }
        }
        sb.append("</svg>");
        return Svg.figure(id, "timeline", sb.toString(), "Every decision, status change, freeze and unfreeze of <strong>"
                + esc(wf.workflow()) + "</strong> in time order (evenly spaced; times under each). The lane at the bottom shows which"
                + " release was live when.", table(wf).folded("Timeline data (" + m + " events)"));
    }

    /** The lane of live releases: each tagged release from its decision to the next one's. */
    private static void liveLane(StringBuilder sb, WorkflowReport wf, List<TimelineEvent> events, Map<Integer, Integer> decisionSlot, double slot,
            double width) {
        for (Release r : wf.releases()) {
            Integer from = decisionSlot.get(r.n());
            if (r.liveFrom() == null || from == null) {
                continue;
            }
            Integer until = null;
            for (Release next : wf.releases()) {
                if (next.n() > r.n() && next.tagged()) {
                    until = decisionSlot.get(next.n());
                    break;
                }
            }
            double x0 = x(from, slot);
            double x1 = until == null ? width - SIDE / 2 : x(until, slot);
            String cls = r.bad() != null ? "bad" : r.status().equals("rolled-back") ? "rolled-back" : "shipped";
            sb.append("<g class=\"live live-").append(cls).append("\"><rect x=\"").append(c(x0)).append("\" y=\"").append(c(LIVE_Y))
                    .append("\" width=\"").append(c(Math.max(1, x1 - x0 - 1))).append("\" height=\"").append(c(LIVE_H)).append("\" rx=\"3\"/>");
            if (x1 - x0 >= 54) {
                sb.append("<text x=\"").append(c(x0 + 5)).append("\" y=\"").append(c(LIVE_Y + 14)).append("\" class=\"small live-text\">#")
                        .append(r.n()).append(" live").append(r.bad() != null ? " (bad)" : "").append("</text>");
            }
            sb.append("<title>release ").append(r.n()).append(" live from ").append(esc(r.liveFrom()))
                    .append(r.liveUntil() == null ? " (live now)" : " to " + esc(r.liveUntil())).append("</title></g>");
        }
        if (events.isEmpty()) {
            sb.append("<text x=\"").append(c(SIDE)).append("\" y=\"").append(c(AXIS_Y - 12)).append("\" class=\"lbl\">no releases yet</text>");
        }
    }

    private static double x(int slotIndex, double slot) {
        return SIDE + slotIndex * slot + slot / 2;
    }

    /** The drawing kind of an event: the decision word, a later status, or freeze. */
    private static String kind(TimelineEvent e) {
        if (e.release() == null) {
            return "freeze";
        }
        String k = e.event();
        return KINDS.containsKey(k) ? k : "other";
    }

    /** The mark of one kind of event at (x, y), size {@code r}; the legend draws the same marks. */
    static String glyph(String kind, double x, double y, double r) {
        String cx = c(x);
        String cy = c(y);
        return switch (kind) {
            case "shipped" -> "<circle cx=\"" + cx + "\" cy=\"" + cy + "\" r=\"" + c(r) + "\" class=\"mk fill\"/>";
            case "forced" -> "<path d=\"M" + cx + " " + c(y - r * 1.25) + "L" + c(x + r * 1.25) + " " + cy + "L" + cx + " " + c(y + r * 1.25) + "L"
                    + c(x - r * 1.25) + " " + cy + "z\" class=\"mk fill\"/>";
            case "held" -> "<rect x=\"" + c(x - r) + "\" y=\"" + c(y - r) + "\" width=\"" + c(2 * r) + "\" height=\"" + c(2 * r)
                    + "\" class=\"mk hollow\"/>";
            case "canary" -> "<circle cx=\"" + cx + "\" cy=\"" + cy + "\" r=\"" + c(r) + "\" class=\"mk hollow\"/><circle cx=\"" + cx + "\" cy=\""
                    + cy + "\" r=\"" + c(r / 2.5) + "\" class=\"mk fill\"/>";
            case "candidate" -> "<circle cx=\"" + cx + "\" cy=\"" + cy + "\" r=\"" + c(r) + "\" class=\"mk hollow dashed\"/>";
            case "rollback" -> "<path d=\"M" + c(x - r * 1.2) + " " + cy + "L" + c(x + r) + " " + c(y - r * 1.1) + "L" + c(x + r) + " "
                    + c(y + r * 1.1) + "z\" class=\"mk fill\"/>";
            case "bad" -> "<path d=\"M" + c(x - r) + " " + c(y - r) + "L" + c(x + r) + " " + c(y + r) + "M" + c(x + r) + " " + c(y - r) + "L"
                    + c(x - r) + " " + c(y + r) + "\" class=\"mk cross\"/>";
            case "rolled-back" -> "<path d=\"M" + c(x - r) + " " + c(y - r * 0.8) + "L" + c(x + r) + " " + c(y - r * 0.8) + "L" + cx + " "
                    + c(y + r) + "z\" class=\"mk hollow\"/>";
            case "freeze" -> "<rect x=\"" + c(x - r * 0.35) + "\" y=\"" + c(y - r * 1.4) + "\" width=\"" + c(r * 0.7) + "\" height=\""
                    + c(r * 2.8) + "\" class=\"mk fill\"/>";
            default -> "<circle cx=\"" + cx + "\" cy=\"" + cy + "\" r=\"" + c(r * 0.6) + "\" class=\"mk fill\"/>";
        };
    }

    /** The legend: each kind's mark and word. */
    static String legend() {
        StringBuilder sb = new StringBuilder("<ul class=\"legend\" aria-label=\"Timeline legend\">");
        for (Map.Entry<String, String> k : KINDS.entrySet()) {
            sb.append("<li class=\"ev-").append(k.getKey()).append("\"><svg viewBox=\"0 0 20 20\" width=\"18\" height=\"18\" aria-hidden=\"true\">")
                    .append(glyph(k.getKey(), 10, 10, 6)).append("</svg>").append(esc(k.getValue())).append("</li>");
        }
        sb.append("<li class=\"live-key\"><span class=\"swatch live-shipped\"></span>live release</li>");
        return sb.append("</ul>").toString();
    }

    private static String[] dateAndTime(String at) {
        int t = at.indexOf('T');
        if (t < 0) {
            return new String[] {at, ""};
        }
        String time = at.substring(t + 1).replaceFirst("(\\d{2}:\\d{2}(:\\d{2})?).*", "$1");
        return new String[] {at.substring(0, t), time};
    }

    private static String describe(TimelineEvent e) {
        if (e.release() == null) {
            return e.event() + " by " + e.actor() + (e.reason() == null ? "" : ": " + e.reason());
        }
        String what = "rollback".equals(e.event()) ? "release " + e.release() + ": rollback of " + e.rollbackFrom() + " to " + e.rollbackTo()
                : "release " + e.release() + " " + e.event();
        return what + " by " + e.actor() + (e.reason() == null ? "" : ": " + e.reason());
    }

    private static String describe(WorkflowReport wf) {
        long decisions = wf.releases().size();
        long freezes = wf.timeline().stream().filter(e -> "freeze".equals(e.event())).count();
        long bad = wf.releases().stream().filter(r -> r.bad() != null).count();
        long rollbacks = wf.releases().stream().filter(r -> r.rollbackFrom() != null).count();
        return decisions + " release decisions, " + bad + " marked bad, " + rollbacks + " rollbacks and " + freezes + " freezes"
                + (wf.live() == null ? "; nothing is live." : "; release " + wf.live() + " is live.") + " The table after the chart lists every event.";
    }

    private static HtmlTable table(WorkflowReport wf) {
        HtmlTable t = new HtmlTable("Timeline of " + wf.workflow(), "Time", "Release", "Event", "By", "Details");
        for (TimelineEvent e : wf.timeline()) {
            List<String> details = new ArrayList<>();
            if (e.rollbackFrom() != null) {
                details.add("rollback of #" + e.rollbackFrom() + " to #" + e.rollbackTo());
            }
            if (e.reason() != null) {
                details.add(e.reason());
            }
            t.row(esc(e.at()), e.release() == null ? "" : "#" + e.release(), esc(e.event()), esc(e.actor()), esc(String.join("; ", details)));
        }
        return t;
    }
}
