package dev.reg.eval;

/** Where an importer sends the rows it reads, one at a time, so no importer holds a whole run. */
public interface CaseSink {
    /**
     * @param order the row's trial, or, for tools whose repeats carry no trial number, a position
     *     (promptfoo's test index) from which trials are numbered within each case id
     * @param test what identifies the test behind the row when trials are numbered from positions:
     *     rows of one case id with different tests are a collision, not repeats (null otherwise)
     * @param location where the row is in the input, for error messages ({@code file:line})
     */
    void accept(EvalCase row, long order, String test, String location);
}
