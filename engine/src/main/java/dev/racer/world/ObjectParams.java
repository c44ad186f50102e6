package dev.racer.world;

/**
 * The object entries of DeepRacer's reward params for one step, in preallocated arrays (no allocation per
 * step). Filled by {@link ObjectParamsCalculator#compute}; indices are object indices (placement order), as
 * DeepRacer reports them. With no objects DeepRacer leaves its defaults: {@code closest_objects = [0, 0]},
 * empty lists, {@code object_in_camera = False}.
 */
public final class ObjectParams {
    /** number of objects (the length of every list) */
    public int count;
    /** {@code closest_objects[0]}: the object before the car along the centre line (wrapping) */
    public int prevObject;
    /** {@code closest_objects[1]}: the object after the car along the centre line (wrapping) */
    public int nextObject;
    /** {@code objects_location}: x [m] */
    public final double[] locationX;
    /** {@code objects_location}: y [m] */
    public final double[] locationY;
    /** {@code objects_left_of_center} */
    public final boolean[] leftOfCenter;
    /** {@code objects_speed} [m/s]: 0 for boxes (DeepRacer reports speeds of bot cars only) */
    public final double[] speed;
    /** {@code objects_heading} [rad]: 0 for boxes (DeepRacer reports headings of bot cars only) */
    public final double[] heading;
    /** {@code objects_distance} [m]: distance along the centre line from the start line, not from the car */
    public final double[] distance;
    /** {@code objects_distance_from_center} [m] */
    public final double[] distanceFromCenter;
    /** {@code object_in_camera} (DeepRacer's rule, see {@link ObjectParamsCalculator}) */
    public boolean objectInCamera;
    /** {@code is_crashed} from the object test: the car's rectangle has a corner in an object's */
    public boolean crashed;
    /** index of the object crashed into, or -1 */
    public int crashedObject = -1;

    public ObjectParams(int capacity) {
        locationX = new double[capacity];
        locationY = new double[capacity];
        leftOfCenter = new boolean[capacity];
        speed = new double[capacity];
        heading = new double[capacity];
        distance = new double[capacity];
        distanceFromCenter = new double[capacity];
    }

    public int capacity() {
        return locationX.length;
    }
}
