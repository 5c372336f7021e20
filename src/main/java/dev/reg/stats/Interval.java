package dev.reg.stats;

/** A two-sided interval estimate, {@code [low, high]}, with the method that produced it. */
public record Interval(double low, double high, String method) {
    public boolean contains(double x) {
        return x >= low && x <= high;
    }
}
