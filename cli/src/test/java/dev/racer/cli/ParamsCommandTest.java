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
        CliRun type = CliRun.of("params", "--x", "3.2", "--y", "0.7", "--heading", "0", "--race-type", "HEAD_TO_MODEL");
        assertTrue(type.err().contains("--race-type HEAD_TO_MODEL races several models against each other: use"
                + " `racer race MODEL_A MODEL_B ...`"), type.err());
        CliRun unknown = CliRun.of("params", "--x", "3.2", "--y", "0.7", "--heading", "0", "--race-type", "DRAG");
        assertTrue(unknown.err().contains("--race-type: expected TIME_TRIAL, OBJECT_AVOIDANCE, HEAD_TO_BOT or"
                + " HEAD_TO_MODEL, got \"DRAG\""), unknown.err());
        CliRun pos = CliRun.of("params", "--x", "3.2", "--y", "0.7", "--heading", "0", "--object-positions", "0.2,3");
        assertTrue(pos.err().contains("--object-positions: object position lane must be 1 (inner) or -1 (outer)"),
                pos.err());
    }

    @Test
    void headToBotListsTheBotsWithTheirSpeedAndHeading() throws Exception {
        CliRun r = CliRun.of("params", "--track", "reinvent_base", "--x", "3.2", "--y", "0.7", "--heading", "0",
                "--race-type", "HEAD_TO_BOT", "--no-waypoints");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode p = Jsons.mapper().readTree(r.out());
        assertEquals(3, p.get("objects_location").size(), "head-to-bot: 3 bot cars unless --bots says otherwise");
        for (int i = 0; i < 3; i++) {
            assertEquals(0.2, p.get("objects_speed").get(i).asDouble(), 0, "DeepRacer's bot speed");
        }
        assertTrue(Math.abs(p.get("objects_heading").get(1).asDouble()) > 0.1, p.get("objects_heading").toString());
        // the simapp's spacing: linspace(2, length - 1, 3) along the centre line, inner lane first
        assertEquals(2.0, p.get("objects_distance").get(0).asDouble(), 0.05);
        assertTrue(p.get("objects_left_of_center").get(0).asBoolean());
        assertTrue(!p.get("objects_left_of_center").get(1).asBoolean());
        CliRun two = CliRun.of("params", "--x", "3.2", "--y", "0.7", "--heading", "0", "--bots", "2",
                "--bot-speed", "0.5", "--bot-lane-change", "--no-waypoints");
        assertEquals(0, two.exitCode(), two.err());
        JsonNode q = Jsons.mapper().readTree(two.out());
        assertEquals(2, q.get("objects_location").size(), "--bots implies HEAD_TO_BOT");
        assertEquals(0.5, q.get("objects_speed").get(0).asDouble(), 0);
    }

    @Test
    void badBotFlagsAreOneLineErrorsNamingTheFlag() {
        String[] pose = {"params", "--x", "3.2", "--y", "0.7", "--heading", "0"};
        CliRun neg = CliRun.of(with(pose, "--bots", "-1"));
        assertTrue(neg.exitCode() != 0);
        assertTrue(neg.err().contains("--bots must be >= 0, got -1"), neg.err());
        CliRun fast = CliRun.of(with(pose, "--bots", "1", "--bot-speed", "5"));
        assertTrue(fast.err().contains("--bot-speed 5.0 m/s is faster than the car's top speed 4.0 m/s"), fast.err());
        CliRun zero = CliRun.of(with(pose, "--bot-speed", "0"));
        assertTrue(zero.err().contains("--bot-speed must be a number > 0 [m/s], got 0.0"), zero.err());
        CliRun many = CliRun.of(with(pose, "--bots", "20"));
        assertTrue(many.err().contains("--bots 20: track reinvent_base (17.71 m) holds at most 8 bot cars 2.0 m apart"),
                many.err());
        CliRun type = CliRun.of(with(pose, "--race-type", "OBJECT_AVOIDANCE", "--bots", "2"));
        assertTrue(type.err().contains("--bots, --bot-speed and --bot-lane-change need --race-type HEAD_TO_BOT"),
                type.err());
        CliRun boxes = CliRun.of(with(pose, "--race-type", "HEAD_TO_BOT", "--objects", "2"));
        assertTrue(boxes.err().contains("--objects, --randomize-objects and --object-positions need --race-type"
                + " OBJECT_AVOIDANCE"), boxes.err());
        for (CliRun r : List.of(neg, fast, zero, many, type, boxes)) {
            assertEquals(2, r.exitCode(), r.err());
            assertTrue(!r.err().contains("Exception"), "no stack trace: " + r.err());
        }
    }

    private static String[] with(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
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
