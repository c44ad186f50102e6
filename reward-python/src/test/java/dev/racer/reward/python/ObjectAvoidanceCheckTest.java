package dev.racer.reward.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.race.EnvConfig;
import dev.racer.race.RaceType;
import dev.racer.reward.RewardParams;
import dev.racer.track.Track;
import dev.racer.track.TrackLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code racer reward check --race-type OBJECT_AVOIDANCE}: object states, DeepRacer's two saved rewards, the hint. */
class ObjectAvoidanceCheckTest {
    private static final Path FIXTURES = Path.of("../engine/src/test/resources/rewards/object_avoidance");
    private static final Track TRACK = TrackLibrary.standard().get("reinvent_base");
    private static final EnvConfig OA = EnvConfig.DEFAULT.withRaceType(RaceType.OBJECT_AVOIDANCE);

    @Test
    void objectStatesMeanWhatTheySay() {
        Map<String, RewardParams> s = RewardCheck.states(TRACK, OA).stream()
                .collect(Collectors.toMap(RewardCheck.State::name, RewardCheck.State::params));
        assertEquals(3, s.get("centre").objectCount(), "every state has DeepRacer's three training boxes");
        assertTrue(s.get("crashed box 0").isCrashed());
        assertFalse(s.get("beside box 0").isCrashed());
        assertFalse(s.get("before box 0").isCrashed());
        assertEquals(0, s.get("before box 0").closestObjectNext(), "box 0 is the next one ahead");
        assertEquals(1, s.get("past box 0").closestObjectNext(), "past box 0, box 1 is next");
        assertEquals(0, s.get("past box 0").closestObjectPrev());
        assertTrue(s.get("before box 0").isLeftOfCenter() != s.get("beside box 0").isLeftOfCenter(),
                "beside is in the other lane");
        assertEquals(0, RewardCheck.states(TRACK).get(0).params().objectCount(), "a time trial has none");
    }

    /**
     * Through the cpython backend: the params reach Python the same way on both backends (the dict tests of
     * CPythonRewardTest and ErrorMessageTest), and GraalPy's start-up is too slow for a fast test on a busy machine.
     */
    @Test
    void deepRacersObjectAvoidanceRewardsPassUnchanged() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(CPythonRewardTest.runs("import sys"), "python3 not found");
        for (String f : List.of("aws_guide_example_4.py", "deepracer_on_aws_default.py")) {
            Path file = FIXTURES.resolve(f);
            try (CPythonReward r = new CPythonReward(file, Duration.ofSeconds(5))) {
                RewardCheck.Report report = RewardCheck.run(r, RewardCheck.states(TRACK, OA));
                assertFalse(report.hasErrors(), f + ": " + report.problems());
            }
        }
    }

    @Test
    void aRewardReadingObjectsCheckedWithoutThemGetsTheHint() throws Exception {
        Path file = FIXTURES.resolve("aws_guide_example_4.py");
        org.junit.jupiter.api.Assumptions.assumeTrue(CPythonRewardTest.runs("import sys"), "python3 not found");
        try (CPythonReward r = new CPythonReward(file, Duration.ofSeconds(5))) {
            RewardCheck.Report report = RewardCheck.run(r, RewardCheck.states(TRACK));
            assertTrue(report.hasErrors(), "IndexError on objects_location[...] without objects");
        }
        assertEquals("this reward uses objects_location: check it with --race-type OBJECT_AVOIDANCE",
                RewardCheck.objectHint(Files.readString(file)));
        assertNull(RewardCheck.objectHint("def reward_function(params):\n    return params['speed']\n"));
    }
}
