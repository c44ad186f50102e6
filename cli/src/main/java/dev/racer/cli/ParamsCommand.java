package dev.racer.cli;

import dev.racer.io.Jsons;
import dev.racer.car.CarSpec;
import dev.racer.car.CarState;
import dev.racer.race.EnvConfig;
import dev.racer.race.RacingEnv;
import dev.racer.reward.RewardParams;
import dev.racer.sensor.Sensor;
import dev.racer.track.Track;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code racer params}: what a reward function would see at a pose. */
@Command(name = "params", mixinStandardHelpOptions = true,
        description = {"Prints, as JSON, exactly the params a reward function would receive on the first step,",
            "with the car's front point (0.14 m ahead of the rear axle) at X, Y heading H."})
final class ParamsCommand implements Callable<Integer> {
    @CommandLine.Mixin
    TrackMixin trackId;
    @Option(names = "--x", required = true, description = "front point x [m]")
    double x;
    @Option(names = "--y", required = true, description = "front point y [m]")
    double y;
    @Option(names = "--heading", required = true, description = "heading [deg], counter-clockwise from +x")
    double heading;
    @Option(names = "--speed", defaultValue = "1.0", description = "commanded speed [m/s] (default: ${DEFAULT-VALUE})")
    double speed;
    @Option(names = "--steering", defaultValue = "0", description = "commanded steering [deg], + left (default: ${DEFAULT-VALUE})")
    double steering;
    @Option(names = "--start-waypoint", defaultValue = "0", description = "waypoint the episode started at (default: ${DEFAULT-VALUE})")
    int startWaypoint;
    @Option(names = "--reversed", description = "drive the track in reverse")
    boolean reversed;
    @Option(names = "--legacy-waypoints", description = TrackOption.LEGACY_WAYPOINTS)
    boolean legacyWaypoints;
    @Option(names = "--no-waypoints", description = "leave the (long) waypoints list out of the output")
    boolean noWaypoints;
    @picocli.CommandLine.Mixin
    ObjectOptions objectOptions = new ObjectOptions();
    @Option(names = "--seed", defaultValue = "0",
            description = "episode seed: places randomised boxes (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(heading)) {
            throw new UserException("--x, --y and --heading must be finite numbers");
        }
        Track track = TrackOption.load(trackId.id, legacyWaypoints);
        if (startWaypoint < 0 || startWaypoint >= track.size()) {
            throw new UserException("--start-waypoint must be in 0.." + (track.size() - 1) + " for " + trackId.id);
        }
        EnvConfig cfg = objectOptions.apply(EnvConfig.DEFAULT.withStartWaypoint(startWaypoint).withReversed(reversed),
                track, false);
        CarSpec car = cfg.car();
        double yaw = Math.toRadians(heading);
        CarState state = new CarState(x - car.frontPointOffset() * Math.cos(yaw),
                y - car.frontPointOffset() * Math.sin(yaw), dev.racer.car.Dynamics.wrap(yaw), speed,
                Math.toRadians(steering));
        RacingEnv env = new RacingEnv(track, cfg, p -> 0.0, Sensor.none());
        RewardParams params = env.probe(state, steering, speed, seed);
        Map<String, Object> map = params.toMap();
        if (noWaypoints) {
            map.remove("waypoints");
        }
        System.out.println(Jsons.pretty().writeValueAsString(map));
        return 0;
    }
}
