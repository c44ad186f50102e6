package dev.racer.track;

/**
 * The nearest point of a polyline to a query point. Mutable on purpose: the environment reuses one per
 * polyline so that the per-step hot path allocates nothing.
 */
public final class Projection {
    /** index of the segment (from vertex {@code segment} to {@code segment + 1}) */
    public int segment;
    /** position along that segment, 0..1 */
    public double t;
    /** nearest point x [m] */
    public double x;
    /** nearest point y [m] */
    public double y;
    /** distance from the query point to the nearest point [m] */
    public double distance;
    /** distance along the polyline from its first vertex to the nearest point [m] */
    public double along;

    @Override
    public String toString() {
        return "Projection[segment=" + segment + ", t=" + t + ", x=" + x + ", y=" + y + ", distance=" + distance
                + ", along=" + along + "]";
    }
}
