package dev.racer.race;

import dev.racer.car.CarSpec;
import dev.racer.track.Projection;
import dev.racer.track.TrackGeometry;

/**
 * Where a car stands on the track, as DeepRacer's {@code set_reward_and_metrics} measures it for the params: the
 * front point, its nearest centre-line point, the waypoints around it, the side of the centre line, the track
 * width there and the wheels on the road. One computation for the single-car environment and each car of a
 * multi-car race. A reusable scratch: {@link #measure} allocates nothing. Not thread-safe.
 */
public final class TrackPose {
    /** the front point's nearest centre-line point ({@code along} [m] from the start, {@code distance} [m]) */
    public final Projection onCenter = new Projection();
    private final Projection onInner = new Projection();
    private final Projection onOuter = new Projection();
    private final double[] wheelX = new double[4];
    private final double[] wheelY = new double[4];
    /** the front point (DeepRacer's {@code x}, {@code y}) [m] */
    public double frontX, frontY;
    /** {@link TrackGeometry#prevNext} of the centre-line point (closest waypoints, packed) */
    public long prevNext;
    /** whether the front point is left of the centre line (in the direction of travel) */
    public boolean left;
    /** track width at the centre-line point [m] */
    public double width;
    /** wheels on the road (0..4) */
    public int wheelsOn;

    /** Measures a car at rear-axle {@code (x, y)} [m] with yaw {@code yaw} [rad] on {@code geo}. */
    public void measure(TrackGeometry geo, CarSpec spec, double x, double y, double yaw) {
        double c = Math.cos(yaw), s = Math.sin(yaw);
        frontX = x + spec.frontPointOffset() * c;
        frontY = y + spec.frontPointOffset() * s;
        geo.center().nearest(frontX, frontY, onCenter);
        prevNext = geo.prevNext(onCenter.along / geo.length());
        // nearest border points to the centre-line point, then which border is nearer to the car
        geo.inner().nearest(onCenter.x, onCenter.y, onInner);
        geo.outer().nearest(onCenter.x, onCenter.y, onOuter);
        double dIn = Math.hypot(frontX - onInner.x, frontY - onInner.y);
        double dOut = Math.hypot(frontX - onOuter.x, frontY - onOuter.y);
        left = (dIn < dOut) ^ !geo.ccw();
        width = Math.hypot(onInner.x - onOuter.x, onInner.y - onOuter.y);
        RacingEnv.wheelPoints(x, y, c, s, spec, wheelX, wheelY);
        int on = 0;
        for (int w = 0; w < 4; w++) {
            if (geo.onTrack(wheelX[w], wheelY[w])) {
                on++;
            }
        }
        wheelsOn = on;
    }
}
