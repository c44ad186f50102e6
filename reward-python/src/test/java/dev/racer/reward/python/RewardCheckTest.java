package dev.racer.reward.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.reward.RewardParams;
import dev.racer.track.TrackLibrary;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The synthetic states of reward check mean what their names say, on every built-in track. */
class RewardCheckTest {

    @Test
    void statesMeanWhatTheySayOnEveryTrack() {
        TrackLibrary lib = TrackLibrary.standard();
        for (String id : lib.builtInIds()) {
            Map<String, RewardParams> s = RewardCheck.states(lib.get(id)).stream()
                    .collect(Collectors.toMap(RewardCheck.State::name, RewardCheck.State::params));
            String t = " on " + id;
            assertEquals(4, s.get("centre").wheelsOnTrack(), "centre" + t);
            assertTrue(s.get("centre").distanceFromCenter() < 0.01, "centre" + t);
            assertEquals(4, s.get("near left border").wheelsOnTrack(), "near left" + t);
            assertTrue(s.get("near left border").isLeftOfCenter(), "near left" + t);
            assertEquals(4, s.get("near right border").wheelsOnTrack(), "near right" + t);
            assertFalse(s.get("near right border").isLeftOfCenter(), "near right" + t);
            assertTrue(s.get("near left border").distanceFromCenter() > 0.25 * s.get("centre").trackWidth(), t);
            assertTrue(s.get("off track").isOfftrack(), "off track" + t);
            assertTrue(s.get("off track right").isOfftrack(), "off track right" + t);
            assertEquals(1, s.get("start").steps(), t);
            assertEquals(99.0, s.get("finishing 99%").progress(), t);
            assertEquals(100.0, s.get("finished 100%").progress(), t);
            assertTrue(s.get("reversed track").isReversed(), t);
            assertFalse(s.get("centre").isReversed(), t);
            double dh = Math.abs(s.get("wrong way").heading() - s.get("centre").heading());
            assertEquals(180.0, Math.min(dh, 360 - dh), 1e-6, "wrong way" + t);
            assertEquals(4.0, s.get("fast").speed(), t);
            assertEquals(30.0, s.get("steer left 30").steeringAngle(), t);
        }
    }

    @Test
    void judgesOnlyWhatBreaksTrainingAsErrors() {
        List<RewardCheck.State> states = RewardCheck.states(TrackLibrary.standard().get("reinvent_base"));
        RewardCheck.Report offBetter = RewardCheck.run(p -> p.isOfftrack() ? 2.0 : 1.0, states);
        assertFalse(offBetter.hasErrors());
        assertTrue(offBetter.problems().stream().anyMatch(p -> p.message().contains("not taught to stay on the road")));
        RewardCheck.Report negative = RewardCheck.run(p -> p.isOfftrack() ? -1.0 : 1.0, states);
        assertFalse(negative.hasErrors());
        assertTrue(negative.problems().stream().anyMatch(p -> p.message().startsWith("negative reward in off track")));
        RewardCheck.Report failing = RewardCheck.run(p -> {
            throw new RewardScriptException(RewardScriptException.Kind.EXCEPTION, "boom");
        }, states);
        assertTrue(failing.hasErrors());
    }
}
