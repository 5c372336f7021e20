package dev.reg.gate;

/** A must-pass case: passed in every trial, or why not. */
public record MustPassResult(String caseId, boolean pass, String reason) {
}
