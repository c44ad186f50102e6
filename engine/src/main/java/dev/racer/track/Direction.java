package dev.racer.track;

/** The way a loop's centre line runs when driven forwards, seen from above (x right, y up). */
public enum Direction {
    COUNTERCLOCKWISE("counterclockwise"),
    CLOCKWISE("clockwise");

    private final String json;

    Direction(String json) {
        this.json = json;
    }

    /** The word used in track files. */
    public String json() {
        return json;
    }

    public Direction reversed() {
        return this == COUNTERCLOCKWISE ? CLOCKWISE : COUNTERCLOCKWISE;
    }

    /** Parses the track-file word; null if unknown. */
    public static Direction fromJson(String s) {
        for (Direction d : values()) {
            if (d.json.equalsIgnoreCase(s)) {
                return d;
            }
        }
        return null;
    }

    /** Direction of a closed polygon from its signed (shoelace) area. */
    public static Direction ofPolygon(double[] x, double[] y, int n) {
        double a = 0;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            a += x[i] * y[j] - x[j] * y[i];
        }
        return a >= 0 ? COUNTERCLOCKWISE : CLOCKWISE;
    }
}
