package dev.racer.cli;

import dev.racer.io.Jsons;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.racer.reward.RewardParams;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParamsCommandTest {

    @Test
    void printsEveryDeepRacerKeyForAPose() throws Exception {
        // reinvent_base starts at (3.0597, 0.6827) heading +x; the front point 0.14 m on
        CliRun r = CliRun.of("params", "--track", "reinvent_base", "--x", "3.2", "--y", "0.7", "--heading", "0",
                "--speed", "2", "--steering", "-10");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode p = Jsons.mapper().readTree(r.out());
        List<String> keys = new ArrayList<>();
        p.fieldNames().forEachRemaining(keys::add);
        assertEquals(RewardParams.KEYS, keys);
        assertEquals(3.2, p.get("x").asDouble(), 1e-12);
        assertEquals(0.7, p.get("y").asDouble(), 1e-12);
        assertEquals(2.0, p.get("speed").asDouble(), 0);
        assertEquals(-10.0, p.get("steering_angle").asDouble(), 0);
        assertEquals(1, p.get("steps").asInt());
        assertTrue(p.get("all_wheels_on_track").asBoolean());
        assertTrue(p.get("is_left_of_center").asBoolean(), "y 0.7 is above the centre line at y 0.683: the left");
        assertEquals(17.709, p.get("track_length").asDouble(), 1e-3);
        assertEquals(0, p.get("closest_waypoints").get(0).asInt());
        assertEquals(1, p.get("closest_waypoints").get(1).asInt());
        assertEquals(119, p.get("waypoints").size());
        assertTrue(p.get("progress").asDouble() > 0.7 && p.get("progress").asDouble() < 0.9);
    }

    @Test
    void objectAvoidanceShowsDeepRacersSixBoxes() throws Exception {
        CliRun r = CliRun.of("params", "--track", "reinvent_base", "--x", "3.2", "--y", "0.7", "--heading", "0",
                "--race-type", "OBJECT_AVOIDANCE", "--no-waypoints");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode p = Jsons.mapper().readTree(r.out());
        assertEquals(6, p.get("objects_location").size(), "a race: DeepRacer's six default boxes");
        // at 15 %, 30 % ... of the track: the first one ahead of a car at the start line
        assertEquals(0, p.get("closest_objects").get(1).asInt());
        assertEquals(5, p.get("closest_objects").get(0).asInt());
        assertEquals(0.15 * 17.709, p.get("objects_distance").get(0).asDouble(), 0.05);
        assertTrue(p.get("objects_left_of_center").get(0).asBoolean(), "inner lane of a counter-clockwise track");
    }

    @Test
    void badObjectFlagsAreOneLineErrorsNamingTheFlag() {
        CliRun neg = CliRun.of("params", "--x", "3.2", "--y", "0.7", "--heading", "0", "--objects", "-1");
        assertTrue(neg.exitCode() != 0, neg.err());
        assertTrue(neg.err().contains("--objects must be >= 0"), neg.err());
        CliRun many = CliRun.of("params", "--x", "3.2", "--y", "0.7", "--heading", "0", "--objects", "200");
        assertTrue(many.err().contains("--objects 200 does not fit on track reinvent_base"), many.err());
        CliRun type = CliRun.of("params", "--x", "3.2", "--y", "0.7", "--heading", "0", "--race-type", "HEAD_TO_BOT");
        assertTrue(type.err().contains("--race-type: expected TIME_TRIAL or OBJECT_AVOIDANCE"), type.err());
        CliRun pos = CliRun.of("params", "--x", "3.2", "--y", "0.7", "--heading", "0", "--object-positions", "0.2,3");
        assertTrue(pos.err().contains("--object-positions: object position lane must be 1 (inner) or -1 (outer)"),
                pos.err());
    }

    @Test
    void anUnknownTrackIsAOneLineError() {
        CliRun r = CliRun.of("params", "--track", "nope", "--x", "0", "--y", "0", "--heading", "0");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("no track \"nope\"") && r.err().contains("reinvent_base"), r.err());
        assertTrue(!r.err().contains("Exception"), "no stack trace: " + r.err());
    }

    @Test
    void benchEnvPrintsItsFigures() {
        CliRun r = CliRun.of("bench", "env", "--seconds", "0.2", "--warmup", "0.1");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("steps/s") && r.out().contains("bytes/step"), r.out());
    }
}
