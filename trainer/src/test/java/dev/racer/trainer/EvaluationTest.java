package dev.racer.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.car.Control;
import dev.racer.race.Driver;
import dev.racer.race.EpisodeStatus;
import dev.racer.race.PurePursuitDriver;
import dev.racer.race.RaceSession;
import dev.racer.race.TimeTrial;
import dev.racer.race.TrialObserver;
import dev.racer.race.TrialResult;
import dev.racer.sensor.CarView;
import dev.racer.sensor.Sensor;
import dev.racer.space.ActionSpace;
import dev.racer.track.TrackLibrary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Training's greedy evaluation: one-lap races under the race session's rules, no reset. */
class EvaluationTest {
    private static final EnvSpec ENV = new EnvSpec(TrackLibrary.standard().get("reinvent_base"), Trainer.envConfig(),
            "center_line");

    @Test
    void aCompletedLapIsTimedAsTheTimeTrialTimesIt() {
        PurePursuitDriver driver = new PurePursuitDriver();
        RaceSession s = Evaluation.session(ENV.newEnv(p -> 0, driver.newSensor(), ActionSpace.defaultDiscrete()),
                driver);
        List<EpisodeStatus> rows = new ArrayList<>();
        Evaluation.Lap lap = Evaluation.race(s, 4, 0, r -> rows.add(r.status()));
        TrialResult trial = new TimeTrial(ENV.track(), ENV.config(), Evaluation.RULES).run(new PurePursuitDriver(), 4);
        assertTrue(lap.completed());
        assertEquals(100, lap.progress());
        assertEquals(EpisodeStatus.LAP_COMPLETE, lap.status());
        assertEquals(trial.bestLapMs() / 1000.0, lap.lapTime(), 1e-12);
        assertEquals(trial.laps().get(0).meanSpeed(), lap.meanSpeed(), 1e-12);
        assertEquals(lap.steps(), rows.size());
        // from a later row: a shorter, different lap start, still one lap
        Evaluation.Lap later = Evaluation.race(s, 4, 60, TrialObserver.NONE);
        assertTrue(later.completed());
        assertEquals(60, later.startRow());
    }

    @Test
    void anOffTrackEndsTheLapWithNoPenaltyOrReset() {
        Driver straight = new Driver() {
            @Override
            public String name() {
                return "straight";
            }

            @Override
            public Sensor newSensor() {
                return Sensor.none();
            }

            @Override
            public Control act(CarView car, float[] observation) {
                return new Control(0, 2);
            }
        };
        RaceSession s = Evaluation.session(ENV.newEnv(p -> 0, Sensor.none(), ActionSpace.defaultDiscrete()), straight);
        List<EpisodeStatus> rows = new ArrayList<>();
        Evaluation.Lap lap = Evaluation.race(s, 1, 0, r -> rows.add(r.status()));
        assertFalse(lap.completed());
        assertEquals(EpisodeStatus.OFF_TRACK, lap.status());
        assertEquals(EpisodeStatus.OFF_TRACK, rows.get(rows.size() - 1));
        assertFalse(rows.contains(EpisodeStatus.PAUSE), "no penalty pause in training evaluation");
        assertTrue(Double.isNaN(lap.lapTime()));
        assertTrue(lap.progress() > 0 && lap.progress() < 100, "progress " + lap.progress());
        assertTrue(lap.meanSpeed() > 0);
    }

    @Test
    void summaryAveragesCompletedLapsOnlyForLapTimes() {
        var a = new Evaluation.Lap(0, 100, true, 10, 2, 150, EpisodeStatus.LAP_COMPLETE);
        var b = new Evaluation.Lap(5, 40, false, Double.NaN, 1, 50, EpisodeStatus.OFF_TRACK);
        var c = new Evaluation.Lap(9, 100, true, 12, 1.5, 180, EpisodeStatus.LAP_COMPLETE);
        Evaluation.Summary s = Evaluation.Summary.of(List.of(a, b, c));
        assertEquals(80, s.meanProgress(), 1e-12);
        assertEquals(2 / 3.0, s.completionRate(), 1e-12);
        assertEquals(10, s.bestLap());
        assertEquals(11, s.meanLap(), 1e-12);
        assertEquals((2 * 150 + 50 + 1.5 * 180) / 380.0, s.meanSpeed(), 1e-12);
        Evaluation.Summary none = Evaluation.Summary.of(List.of(b));
        assertTrue(Double.isNaN(none.bestLap()) && Double.isNaN(none.meanLap()));
        assertTrue(Double.isNaN(Evaluation.Summary.of(List.of()).meanProgress()), "a cut evaluation: NaN");
    }
}
