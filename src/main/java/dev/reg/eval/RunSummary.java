package dev.reg.eval;

/**
 * Counts over a run's rows (case x trial). {@code passed + failed + errored + skipped + noVerdict == rows}.
 *
 * @param cases distinct case ids
 * @param maxTrials the largest trial number seen
 * @param noVerdict rows with scores but neither a pass/fail verdict, an error nor a skip
 */
public record RunSummary(long rows, long cases, int maxTrials, long passed, long failed, long errored, long skipped, long noVerdict) {
}
