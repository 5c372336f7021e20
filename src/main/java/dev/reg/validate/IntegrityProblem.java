package dev.reg.validate;

/**
 * One thing {@code reg verify} found wrong.
 *
 * @param code stable kind of problem, e.g. {@code tag-content-mismatch}
 * @param subject the tag, ledger file or artifact it concerns
 * @param message what is wrong and what it means
 */
public record IntegrityProblem(String code, String subject, String message) {
}
