package dev.racer.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.track.Track;
import dev.racer.track.TrackLibrary;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The baseline driver completes a 3-lap time trial on every shipped track, both ways. */
class PurePursuitDriverTest {
    private static final TrackLibrary LIBRARY = new TrackLibrary(Path.of("target/no-user-tracks"));

    static Stream<String> tracks() {
        return LIBRARY.builtInIds().stream();
    }

    @ParameterizedTest
    @MethodSource("tracks")
    void completesThreeLapsOnEveryTrack(String id) {
        check(id, false);
    }

    @ParameterizedTest
    @MethodSource("tracks")
    void completesThreeLapsReversed(String id) {
        check(id, true);
    }

    private static void check(String id, boolean reversed) {
        Track track = LIBRARY.get(id);
        TimeTrial trial = new TimeTrial(track, EnvConfig.DEFAULT.withReversed(reversed), TimeTrialConfig.DEFAULT);
        TrialResult r = trial.run(new PurePursuitDriver(), 0);
        System.out.printf("pure-pursuit %-26s %s best %6.3f s  laps %s  off-tracks %d%n", id,
                reversed ? "rev" : "fwd", r.bestLapMs() == null ? Double.NaN : r.bestLapMs() / 1000.0,
                r.laps().stream().map(l -> String.format("%.3f", l.timeMs() / 1000.0)).toList(), r.offTracks());
        assertEquals(TrialStatus.FINISHED, r.status(), id + ": " + r);
        assertEquals(3, r.lapsCompleted());
        assertTrue(r.offTracks() <= 1, id + " went off track " + r.offTracks() + " times");
    }
}
