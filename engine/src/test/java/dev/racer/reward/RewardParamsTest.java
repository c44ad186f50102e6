package dev.racer.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.racer.race.EnvConfig;
import dev.racer.race.RacingEnv;
import dev.racer.sensor.Sensor;
import dev.racer.track.TestTracks;
import dev.racer.track.Track;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RewardParamsTest {

    /** The keys of the simulator's RewardParam enum (bundle/markov/agent_ctrl/constants.py), copied by hand. */
    private static final List<String> SIMAPP_KEYS = List.of("all_wheels_on_track", "x", "y", "heading",
            "distance_from_center", "projection_distance", "progress", "steps", "speed", "steering_angle",
            "track_width", "track_length", "waypoints", "closest_waypoints", "is_left_of_center", "is_reversed",
            "closest_objects", "objects_location", "objects_left_of_center", "object_in_camera", "objects_speed",
            "objects_heading", "objects_distance_from_center", "objects_distance", "is_crashed", "is_offtrack",
            "sim_time");

    @Test
    void everyKeyOfTheSimulatorIsThere() {
        assertEquals(new TreeSet<>(SIMAPP_KEYS), new TreeSet<>(RewardParams.KEYS));
        assertEquals(new TreeSet<>(SIMAPP_KEYS), new TreeSet<>(new RewardParams().toMap().keySet()));
    }

    @Test
    void withoutObjectsTheObjectKeysHaveTheSimulatorsDefaults() {
        Map<String, Object> m = new RewardParams().toMap();
        assertEquals(List.of(0, 0), m.get("closest_objects"));
        assertEquals(Boolean.FALSE, m.get("object_in_camera"));
        for (String k : Set.of("objects_location", "objects_left_of_center", "objects_speed", "objects_heading",
                "objects_distance_from_center", "objects_distance")) {
            assertEquals(List.of(), m.get(k), k);
        }
    }

    /** The simulator passes Gazebo's clock, which runs on across episodes; Racer's runs from the env's creation. */
    @Test
    void simTimeIsTheSimulationClockAcrossEpisodes() {
        Track t = TestTracks.circle(3.0, 0.8, 60);
        EnvConfig cfg = EnvConfig.DEFAULT;
        RacingEnv env = new RacingEnv(t, cfg, p -> 1, Sensor.none());
        env.reset(1);
        assertEquals(0.0, env.params().simTime());
        for (int i = 0; i < 3; i++) {
            env.step(0, 1);
        }
        assertEquals(3 * cfg.dt(), env.params().simTime(), 1e-12);
        assertEquals(3 * cfg.dt(), (Double) env.params().toMap().get("sim_time"), 1e-12);
        env.reset(2);
        assertEquals(3 * cfg.dt(), env.params().simTime(), 1e-12, "the prepare state reads the clock, not 0");
        env.step(0, 1);
        assertEquals(4 * cfg.dt(), env.params().simTime(), 1e-12);
        assertEquals(4 * cfg.dt(), env.params().copy().simTime(), 1e-12);
    }
}
