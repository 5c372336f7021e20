package dev.reg.registry;

/** Told how far a long job (checksumming large files) has got; the CLI draws it, domain code does not. */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void start(String task, long totalUnits) {
        }

        @Override
        public void advance(long units) {
        }

        @Override
        public void finish() {
        }
    };

    void start(String task, long totalUnits);

    void advance(long units);

    void finish();
}
