package dev.reg.doctor;

/** One problem {@code reg doctor} found: a code, what it is about, what is wrong and how to fix it. */
public record DoctorFinding(String code, String subject, String message, String fix) {
}
