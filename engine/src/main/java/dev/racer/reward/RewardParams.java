package dev.racer.reward;

import dev.racer.world.ObjectParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code params} dictionary a DeepRacer reward function receives, with DeepRacer's keys and meanings.
 * The environment fills one instance in place each step (no allocation); {@link #copy()} takes a snapshot
 * and {@link #toMap()} gives the dictionary with DeepRacer's key names.
 *
 * <p>Keys: {@code all_wheels_on_track, x, y, heading, distance_from_center, is_left_of_center, is_offtrack,
 * is_reversed, is_crashed, progress, speed, steering_angle, steps, track_width, track_length, waypoints,
 * closest_waypoints, projection_distance, sim_time} and the object keys with the values DeepRacer's simulator
 * gives when there are no objects: its {@code RewardParam} defaults, which {@code get_object_reward_params} leaves
 * in place when no object is on the track ({@code closest_objects [0, 0]}, {@code object_in_camera False}, empty
 * {@code objects_location, objects_left_of_center, objects_speed, objects_heading, objects_distance_from_center,
 * objects_distance}).
 */
public final class RewardParams {
    /** All DeepRacer keys, in the order {@link #toMap()} lists them. */
    public static final List<String> KEYS = List.of("all_wheels_on_track", "x", "y", "heading",
            "distance_from_center", "is_left_of_center", "is_offtrack", "is_reversed", "is_crashed", "progress",
            "speed", "steering_angle", "steps", "track_width", "track_length", "waypoints", "closest_waypoints",
            "projection_distance", "sim_time", "closest_objects", "objects_location", "objects_left_of_center",
            "object_in_camera", "objects_speed", "objects_heading", "objects_distance_from_center",
            "objects_distance");

    boolean allWheelsOnTrack;
    double x;
    double y;
    double heading;
    double distanceFromCenter;
    boolean isLeftOfCenter;
    boolean isOfftrack;
    boolean isReversed;
    boolean isCrashed;
    double progress;
    double speed;
    double steeringAngle;
    int steps;
    double trackWidth;
    double trackLength;
    double[][] waypoints = new double[0][];
    int prevWaypoint;
    int nextWaypoint;
    double projectionDistance;
    double simTime;
    /** extra for Racer's own tools, not a DeepRacer key: wheels on the road, 0..4 */
    int wheelsOnTrack;
    /** the object entries, or null (no objects: DeepRacer's defaults); read in place, not copied per step */
    ObjectParams objects;
    /** changes whenever the objects are placed again (so that a Python host re-sends the static lists) */
    long objectsVersion;

    /**
     * Attaches the object entries of this step ({@code null}: none) and whether the car crashed; {@code version}
     * changes whenever the objects were placed again.
     */
    public void setObjects(ObjectParams objects, long version) {
        this.objects = objects == null || objects.count == 0 ? null : objects;
        this.objectsVersion = version;
        this.isCrashed = objects != null && objects.crashed;
    }

    /** the object entries, or null when there are none (read-only) */
    public ObjectParams objects() { return objects; }
    /** changes whenever the objects are placed again */
    public long objectsVersion() { return objectsVersion; }
    /** number of objects on the track */
    public int objectCount() { return objects == null ? 0 : objects.count; }
    /** {@code closest_objects[0]} */
    public int closestObjectPrev() { return objects == null ? 0 : objects.prevObject; }
    /** {@code closest_objects[1]} */
    public int closestObjectNext() { return objects == null ? 0 : objects.nextObject; }
    /** {@code object_in_camera} */
    public boolean objectInCamera() { return objects != null && objects.objectInCamera; }

    /** all four wheels on the road */
    public boolean allWheelsOnTrack() { return allWheelsOnTrack; }
    /** x of the front point of the car (0.14 m ahead of the rear axle) [m] */
    public double x() { return x; }
    /** y of the front point [m] */
    public double y() { return y; }
    /** yaw of the car, -180..180 [deg] */
    public double heading() { return heading; }
    /** distance from the front point to the centre line [m]; may exceed half the width */
    public double distanceFromCenter() { return distanceFromCenter; }
    /** the front point is left of the centre line, as driven */
    public boolean isLeftOfCenter() { return isLeftOfCenter; }
    /** no wheel on the road */
    public boolean isOfftrack() { return isOfftrack; }
    /** driving the track in reverse */
    public boolean isReversed() { return isReversed; }
    /** crashed into an object (DeepRacer's corner test, {@link dev.racer.world.ObjectParamsCalculator}) */
    public boolean isCrashed() { return isCrashed; }
    /** lap progress, 0..100 [%] */
    public double progress() { return progress; }
    /** commanded speed [m/s] */
    public double speed() { return speed; }
    /** commanded steering angle, + left [deg] */
    public double steeringAngle() { return steeringAngle; }
    /** steps taken this episode, 1 on the first call */
    public int steps() { return steps; }
    /** local track width: distance between the nearest inner and outer border points [m] */
    public double trackWidth() { return trackWidth; }
    /** centre-line length [m] */
    public double trackLength() { return trackLength; }
    /** centre-line waypoints {@code [x, y]} as driven (shared, read-only) */
    public double[][] waypoints() { return waypoints; }
    /** index of the waypoint behind the front point */
    public int closestWaypointPrev() { return prevWaypoint; }
    /** index of the waypoint ahead of the front point */
    public int closestWaypointNext() { return nextWaypoint; }
    /** distance along the centre line from waypoint 0 to the front point's projection [m] */
    public double projectionDistance() { return projectionDistance; }
    /**
     * The simulation clock [s]: DeepRacer's simulator passes Gazebo's clock, which runs on from the start of the
     * simulation across episodes (it is not reset per episode); Racer's environment counts from its creation.
     */
    public double simTime() { return simTime; }
    /** wheels on the road, 0..4 (Racer's own, not a DeepRacer key) */
    public int wheelsOnTrack() { return wheelsOnTrack; }

    /** Overwrites the per-step fields (used by the environment and by tools that build states). */
    public void set(double x, double y, double heading, double distanceFromCenter, boolean isLeftOfCenter,
                    double progress, double speed, double steeringAngle, int steps, double trackWidth,
                    int prevWaypoint, int nextWaypoint, double projectionDistance, int wheelsOnTrack) {
        this.x = x;
        this.y = y;
        this.heading = heading;
        this.distanceFromCenter = distanceFromCenter;
        this.isLeftOfCenter = isLeftOfCenter;
        this.progress = progress;
        this.speed = speed;
        this.steeringAngle = steeringAngle;
        this.steps = steps;
        this.trackWidth = trackWidth;
        this.prevWaypoint = prevWaypoint;
        this.nextWaypoint = nextWaypoint;
        this.projectionDistance = projectionDistance;
        this.wheelsOnTrack = wheelsOnTrack;
        this.allWheelsOnTrack = wheelsOnTrack == 4;
        this.isOfftrack = wheelsOnTrack == 0;
    }

    /** Sets the simulation clock [s] ({@link #simTime()}). */
    public void setSimTime(double simTime) {
        this.simTime = simTime;
    }

    /** Sets the per-track fields. */
    public void setTrack(double trackLength, double[][] waypoints, boolean reversed) {
        this.trackLength = trackLength;
        this.waypoints = waypoints;
        this.isReversed = reversed;
    }

    /** A snapshot that later steps do not change. */
    public RewardParams copy() {
        RewardParams c = new RewardParams();
        c.allWheelsOnTrack = allWheelsOnTrack;
        c.x = x;
        c.y = y;
        c.heading = heading;
        c.distanceFromCenter = distanceFromCenter;
        c.isLeftOfCenter = isLeftOfCenter;
        c.isOfftrack = isOfftrack;
        c.isReversed = isReversed;
        c.isCrashed = isCrashed;
        c.progress = progress;
        c.speed = speed;
        c.steeringAngle = steeringAngle;
        c.steps = steps;
        c.trackWidth = trackWidth;
        c.trackLength = trackLength;
        c.waypoints = waypoints;
        c.prevWaypoint = prevWaypoint;
        c.nextWaypoint = nextWaypoint;
        c.projectionDistance = projectionDistance;
        c.simTime = simTime;
        c.wheelsOnTrack = wheelsOnTrack;
        if (objects != null) {
            ObjectParams o = new ObjectParams(objects.count);
            o.count = objects.count;
            o.prevObject = objects.prevObject;
            o.nextObject = objects.nextObject;
            o.objectInCamera = objects.objectInCamera;
            o.crashed = objects.crashed;
            o.crashedObject = objects.crashedObject;
            int n = objects.count;
            System.arraycopy(objects.locationX, 0, o.locationX, 0, n);
            System.arraycopy(objects.locationY, 0, o.locationY, 0, n);
            System.arraycopy(objects.leftOfCenter, 0, o.leftOfCenter, 0, n);
            System.arraycopy(objects.speed, 0, o.speed, 0, n);
            System.arraycopy(objects.heading, 0, o.heading, 0, n);
            System.arraycopy(objects.distance, 0, o.distance, 0, n);
            System.arraycopy(objects.distanceFromCenter, 0, o.distanceFromCenter, 0, n);
            c.objects = o;
        }
        c.objectsVersion = objectsVersion;
        return c;
    }

    /** The params as DeepRacer's dictionary: key names and value types as a Python reward function sees them. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("all_wheels_on_track", allWheelsOnTrack);
        m.put("x", x);
        m.put("y", y);
        m.put("heading", heading);
        m.put("distance_from_center", distanceFromCenter);
        m.put("is_left_of_center", isLeftOfCenter);
        m.put("is_offtrack", isOfftrack);
        m.put("is_reversed", isReversed);
        m.put("is_crashed", isCrashed);
        m.put("progress", progress);
        m.put("speed", speed);
        m.put("steering_angle", steeringAngle);
        m.put("steps", steps);
        m.put("track_width", trackWidth);
        m.put("track_length", trackLength);
        List<List<Double>> wps = new ArrayList<>(waypoints.length);
        for (double[] w : waypoints) {
            wps.add(List.of(w[0], w[1]));
        }
        m.put("waypoints", wps);
        m.put("closest_waypoints", List.of(prevWaypoint, nextWaypoint));
        m.put("projection_distance", projectionDistance);
        m.put("sim_time", simTime);
        ObjectParams o = objects;
        int n = o == null ? 0 : o.count;
        List<List<Double>> loc = new ArrayList<>(n);
        List<Boolean> left = new ArrayList<>(n);
        List<Double> speeds = new ArrayList<>(n), headings = new ArrayList<>(n), fromCenter = new ArrayList<>(n),
                dists = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            loc.add(List.of(o.locationX[i], o.locationY[i]));
            left.add(o.leftOfCenter[i]);
            speeds.add(o.speed[i]);
            headings.add(o.heading[i]);
            fromCenter.add(o.distanceFromCenter[i]);
            dists.add(o.distance[i]);
        }
        m.put("closest_objects", List.of(closestObjectPrev(), closestObjectNext()));
        m.put("objects_location", loc);
        m.put("objects_left_of_center", left);
        m.put("object_in_camera", objectInCamera());
        m.put("objects_speed", speeds);
        m.put("objects_heading", headings);
        m.put("objects_distance_from_center", fromCenter);
        m.put("objects_distance", dists);
        return m;
    }

    @Override
    public String toString() {
        return "RewardParams" + toMap().entrySet().stream().filter(e -> !e.getKey().equals("waypoints")).toList();
    }
}
