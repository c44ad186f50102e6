package dev.racer.raceline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.race.BuiltInDrivers;
import dev.racer.race.EnvConfig;
import dev.racer.race.PurePursuitDriver;
import dev.racer.race.TimeTrial;
import dev.racer.race.TimeTrialConfig;
import dev.racer.race.TrialResult;
import dev.racer.race.TrialStatus;
import dev.racer.track.Track;
import dev.racer.track.TrackLibrary;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The racing-line driver laps every shipped track, faster than pure pursuit on reinvent_base. */
class RacelineDriverTest {
    private static final TrackLibrary LIBRARY = new TrackLibrary(Path.of("target/no-user-tracks"));

    static Stream<String> tracks() {
        return LIBRARY.builtInIds().stream();
    }

    @Test
    void registeredAsBuiltInDriver() {
        assertEquals("raceline", BuiltInDrivers.byName("raceline").name());
        assertTrue(BuiltInDrivers.byName("racing_line").create() instanceof RacelineDriver);
    }

    @ParameterizedTest
    @MethodSource("tracks")
    void lapsEveryTrack(String id) {
        Track track = LIBRARY.get(id);
        TimeTrial trial = new TimeTrial(track, EnvConfig.DEFAULT, TimeTrialConfig.DEFAULT);
        TrialResult r = trial.run(new RacelineDriver(), 0);
        TrialResult pp = trial.run(new PurePursuitDriver(), 0);
        System.out.printf("raceline-driver %-26s best %6.3f s (pure pursuit %6.3f s) laps %s off-tracks %d%n", id,
                best(r), best(pp), r.laps().stream().map(l -> String.format("%.3f", l.timeMs() / 1000.0)).toList(),
                r.offTracks());
        assertEquals(TrialStatus.FINISHED, r.status(), id + ": " + r);
        assertEquals(3, r.lapsCompleted());
        assertEquals(0, r.offTracks(), id + " went off track");
    }

    @Test
    void beatsPurePursuitOnReinventBase() {
        Track track = LIBRARY.get("reinvent_base");
        TimeTrial trial = new TimeTrial(track, EnvConfig.DEFAULT, TimeTrialConfig.DEFAULT);
        double raceline = best(trial.run(new RacelineDriver(), 0));
        double pp = best(trial.run(new PurePursuitDriver(), 0));
        assertTrue(raceline < pp, "raceline " + raceline + " s vs pure pursuit " + pp + " s");
    }

    private static double best(TrialResult r) {
        return r.bestLapMs() == null ? Double.NaN : r.bestLapMs() / 1000.0;
    }
}
