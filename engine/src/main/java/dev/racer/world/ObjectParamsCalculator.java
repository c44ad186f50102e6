package dev.racer.world;

import dev.racer.track.Projection;
import dev.racer.track.TrackGeometry;

/**
 * Computes DeepRacer's object reward params ({@code TrackData.get_object_reward_params}) and its crash test
 * ({@code get_collided_object_name}) for one car pose. Pure in what it reads and writes: a function of the
 * car pose, the geometry and the {@link WorldObjects} (prepared on that geometry), writing an
 * {@link ObjectParams}; the instance only holds a scratch {@link Projection}. Allocates nothing.
 *
 * <p>What each entry is, read from the simapp:
 * <ul>
 *   <li>{@code closest_objects}: {@code bisect_right} of the car's centre-line distance (its front point
 *       projected on the centre line) among the objects' sorted centre-line distances gives the next object;
 *       the previous is the one before; both wrap around the lap.</li>
 *   <li>{@code objects_location}, {@code objects_distance}, {@code objects_distance_from_center},
 *       {@code objects_left_of_center}: per object, see {@link WorldObjects#prepare}.</li>
 *   <li>{@code objects_speed}, {@code objects_heading}: the object's only when bot cars are on the track,
 *       else 0 (boxes report 0 even though they lie along the lane).</li>
 *   <li>{@code object_in_camera}: whether the object at position {@code closest_objects[1]} of the
 *       simapp's object table is in the front camera's frustum. That table lists the racing car first, so the
 *       entry tested is the box with index {@code next - 1} (and the car itself, never visible, when
 *       {@code next == 0}). This off-by-one is the simapp's; {@link #SIMAPP_CAMERA_INDEX} = false tests the
 *       next object itself.</li>
 *   <li>{@code is_crashed}: any corner of the car's rectangle ({@link CarBody}) strictly inside an object's
 *       rectangle.</li>
 * </ul>
 */
public final class ObjectParamsCalculator {
    /** Reproduce the simapp's index offset in {@code object_in_camera} (see the class comment). */
    public static final boolean SIMAPP_CAMERA_INDEX = true;

    private final Projection p = new Projection();
    private final boolean simappCameraIndex;

    public ObjectParamsCalculator() {
        this(SIMAPP_CAMERA_INDEX);
    }

    /** @param simappCameraIndex true: {@code object_in_camera} as the simapp computes it; false: of the next object */
    public ObjectParamsCalculator(boolean simappCameraIndex) {
        this.simappCameraIndex = simappCameraIndex;
    }

    /**
     * @param g       the track as driven (the objects must have been prepared on it)
     * @param objects the objects
     * @param frontX  the car's reported x (front point) [m]
     * @param frontY  the car's reported y [m]
     * @param originX the car's model origin x [m] (front point minus {@link CarBody#FRONT_FROM_ORIGIN} along yaw)
     * @param originY the car's model origin y [m]
     * @param yaw     the car's heading [rad]
     * @param out     written
     */
    public void compute(TrackGeometry g, WorldObjects objects, double frontX, double frontY,
                        double originX, double originY, double yaw, ObjectParams out) {
        double carPdist = 0;
        if (objects.count() > 0) {
            g.center().nearest(frontX, frontY, p);
            carPdist = p.along;
        }
        compute(g, objects, carPdist, originX, originY, yaw, out);
    }

    /**
     * As {@link #compute(TrackGeometry, WorldObjects, double, double, double, double, double, ObjectParams)} with
     * the front point's centre-line distance already known ({@code projection_distance} [m], which the
     * environment computes anyway), saving one nearest-point query.
     */
    public void compute(TrackGeometry g, WorldObjects objects, double carPdist, double originX, double originY,
                        double yaw, ObjectParams out) {
        int n = objects.count();
        if (n > out.capacity()) {
            throw new IllegalArgumentException(n + " objects but the params hold " + out.capacity());
        }
        if (n > 0 && objects.geometry() != g) {
            throw new IllegalStateException("objects were prepared on another track geometry: call prepare(g)");
        }
        out.count = n;
        out.crashed = false;
        out.crashedObject = -1;
        if (n == 0) {
            out.prevObject = 0;
            out.nextObject = 0;
            out.objectInCamera = false;
            return;
        }
        for (int i = 0; i < n; i++) {
            out.locationX[i] = objects.x[i];
            out.locationY[i] = objects.y[i];
            out.leftOfCenter[i] = objects.left[i];
            out.speed[i] = 0.0;   // boxes: DeepRacer fills these for bot cars only
            out.heading[i] = 0.0;
            out.distance[i] = objects.pdist[i];
            out.distanceFromCenter[i] = objects.centerDistance[i];
        }
        int lo = 0, hi = n;
        while (lo < hi) { // bisect_right
            int mid = (lo + hi) >>> 1;
            if (carPdist < objects.sortedPdist[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        int next = lo == n ? 0 : lo;
        int prev = lo - 1 < 0 ? n - 1 : lo - 1;
        out.prevObject = objects.order[prev];
        out.nextObject = objects.order[next];

        double c = Math.cos(yaw), s = Math.sin(yaw);
        int tested = simappCameraIndex ? out.nextObject - 1 : out.nextObject;
        out.objectInCamera = tested >= 0
                && CameraFrustum.objectVisible(objects, tested, originX, originY, c, s, TrackObject.BOX_Z);

        out.crashedObject = crashedObject(objects, originX, originY, c, s);
        out.crashed = out.crashedObject >= 0;
    }

    /** The index of the first object the car (model origin, yaw) crashes into by DeepRacer's test, or -1. */
    public static int crashedObject(WorldObjects objects, double originX, double originY, double yaw) {
        return crashedObject(objects, originX, originY, Math.cos(yaw), Math.sin(yaw));
    }

    private static int crashedObject(WorldObjects objects, double originX, double originY, double c, double s) {
        double hl = CarBody.LENGTH / 2, hw = CarBody.WIDTH / 2;
        for (int i = 0; i < objects.count(); i++) {
            if (Rects.anyCornerInside(originX, originY, c, s, hl, hw, objects.x[i], objects.y[i],
                    objects.cos[i], objects.sin[i], objects.halfLength[i], objects.halfWidth[i])) {
                return i;
            }
        }
        return -1;
    }
}
