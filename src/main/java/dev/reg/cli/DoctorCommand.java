package dev.reg.cli;

import dev.reg.cli.render.DoctorText;
import dev.reg.doctor.Doctor;
import dev.reg.doctor.DoctorReport;
import dev.reg.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "doctor", description = {"Check this clone for what breaks reg in CI: a shallow clone, tags the registry names"
        + " that are missing, reg tags turned lightweight by a tag-event checkout, a detached HEAD, and CI files"
        + " (.github/workflows/*.yml, .gitlab-ci.yml) that publish with reg without a concurrency group; each with its fix."
        + " Also prints the JVM and the AOT/CDS archive reg runs with.", "Exit 0 when clean, 1 when there is anything to fix."})
final class DoctorCommand extends BaseCommand {
    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
        DoctorReport r;
        try (Registry registry = openRegistry()) {
            r = new Doctor(registry, env()).check();
        }
        if (json) {
            var out = new java.util.LinkedHashMap<String, Object>();
            out.put("ok", r.ok());
            out.put("findings", r.findings());
            out.put("branch", r.branch().isEmpty() ? null : r.branch());
            out.put("shallow", r.shallow());
            out.put("regTags", r.regTags());
            out.put("ciFiles", r.ciFiles());
            out.put("runtime", r.runtime());
            term().json(out);
        } else {
            DoctorText.render(term(), r);
        }
        return r.ok() ? ExitCodes.OK : ExitCodes.NO;
    }
}
