package dev.reg.online;

import com.fasterxml.jackson.databind.JsonNode;

/** JSON arrays of numbers as double arrays, for the fixture tests. */
final class OnlineStatisticsTestAccess {
    private OnlineStatisticsTestAccess() {
    }

    static double[] doubles(JsonNode a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.get(i).asDouble();
        }
        return d;
    }
}
