package dev.reg.cli.render;

import dev.reg.doctor.DoctorFinding;
import dev.reg.doctor.DoctorReport;
import dev.reg.doctor.RuntimeInfo;
import java.io.PrintWriter;

/** The text of {@code reg doctor}: each finding with its fix, what was checked, and the JVM and archive in use. */
public final class DoctorText {
    private DoctorText() {
    }

    public static void render(Terminal term, DoctorReport r) {
        PrintWriter out = term.out();
        if (r.ok()) {
            out.println(term.green("no problems") + ": " + (r.shallow() ? "a shallow clone" : "a full clone") + ", on branch " + r.branch()
                    + ", " + r.regTags() + " reg " + (r.regTags() == 1 ? "tag" : "tags") + " present and annotated, "
                    + (r.ciFiles().isEmpty() ? "no CI files" : String.join(", ", r.ciFiles())) + " checked");
        } else {
            out.println(term.red(r.findings().size() + (r.findings().size() == 1 ? " problem" : " problems")));
            for (DoctorFinding f : r.findings()) {
                out.println("  " + term.bold(f.code()) + "  " + f.subject());
                out.println("    " + f.message());
                out.println("    fix: " + f.fix());
            }
        }
        RuntimeInfo j = r.runtime();
        out.println("JVM: " + j.java() + " (" + j.javaVersion() + ")" + (j.launcher() ? "" : ", not started by the reg launcher"));
        if (j.launcher()) {
            out.println("archive: " + archive(j));
            if (!j.jvmOptions().isEmpty()) {
                out.println("JVM options: " + j.jvmOptions());
            }
        }
    }

    private static String archive(RuntimeInfo j) {
        return switch (j.archiveStatus()) {
            case "aot" -> "AOT cache " + j.archive();
            case "cds" -> "CDS archive " + j.archive();
            case "training" -> "none yet (being made: " + j.archive() + "; the next runs use it)";
            case "failed" -> "none (making it failed; the log is " + j.archive().replaceFirst("\\.(aot|jsa)$", ".failed") + ")";
            case "off" -> "none (REG_ARCHIVE=off)";
            case "unwritable" -> "none (no writable directory for it)";
            default -> "none (" + j.archiveStatus() + ")";
        };
    }
}
