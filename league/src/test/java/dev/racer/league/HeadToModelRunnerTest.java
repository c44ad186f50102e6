package dev.racer.league;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.car.Control;
import dev.racer.race.Driver;
import dev.racer.race.DriverProvider;
import dev.racer.race.ForwardingDriver;
import dev.racer.race.RaceType;
import dev.racer.sensor.CarView;
import dev.racer.track.TrackLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A head-to-model heat without the server: deterministic, a failing car left out, the deadline kept. */
class HeadToModelRunnerTest {
    static final LeagueRules RULES = LeagueRules.DEFAULT.withRace(RaceType.HEAD_TO_MODEL, null);

    @TempDir
    Path tmp;

    private Path models() throws Exception {
        Path m = tmp.resolve("models");
        TestModels.folder(m.resolve("s1"), 2.0);
        TestModels.folder(m.resolve("s2"), 1.5);
        TestModels.folder(m.resolve("s3"), 2.5);
        return m;
    }

    private static final List<HeatStore.Entry> OTHERS = List.of(new HeatStore.Entry("s2", "r2", 1510),
            new HeatStore.Entry("s3", "r3", 1490));

    private HeadToModelRunner.Result race(Function<Path, Driver> opener, String dir, long deadline) throws Exception {
        Path traces = Files.createDirectories(tmp.resolve(dir));
        return new HeadToModelRunner(TrackLibrary.standard(), models(), opener)
                .race("s1", "lg", RULES.withHeatSize(3), OTHERS, traces, deadline);
    }

    private static long later() {
        return System.nanoTime() + 60_000_000_000L;
    }

    @Test
    void aHeatRacedTwiceIsTheSameRace() throws Exception {
        HeadToModelRunner.Result a = race(DriverProvider::openModel, "a", later());
        HeadToModelRunner.Result b = race(DriverProvider::openModel, "b", later());
        assertEquals(a.heat(), b.heat());
        assertEquals(3, a.heat().cars().size());
        assertEquals(HeadToModelRunner.seed("s1"), a.heat().seed());
        assertEquals("s1", a.heat().id());
        assertEquals(RULES.laps(), a.outcome().laps().size(), "the new entry finished: " + a.outcome());
        for (HeatStore.Car c : a.heat().cars()) {
            assertTrue(Files.isRegularFile(tmp.resolve("a").resolve(c.traceFile())), c.traceFile());
        }
    }

    @Test
    void anOtherCarWhoseDriverFailsMidRaceIsLeftOutAndTheHeatRacedAgain() throws Exception {
        HeadToModelRunner.Result r = race(failing("s2"), "t", later());
        assertEquals(List.of("s2"), r.heat().notRaced());
        assertEquals(List.of("s1", "s3"), r.heat().cars().stream().map(HeatStore.Car::submissionId).sorted().toList());
        IllegalArgumentException own = assertThrows(IllegalArgumentException.class, () -> race(failing("s1"), "u", later()));
        assertTrue(own.getMessage().contains("the model failed in the race"), own.getMessage());
    }

    @Test
    void aHeatPastItsDeadlineStops() {
        assertThrows(RaceRunner.RaceTimeoutException.class, () -> race(DriverProvider::openModel, "d", System.nanoTime()));
    }

    /** Opens models as the league does, but the driver of {@code folder} throws at its 40th step. */
    private static Function<Path, Driver> failing(String folder) {
        return p -> {
            Driver d = DriverProvider.openModel(p);
            if (!p.getFileName().toString().equals(folder)) {
                return d;
            }
            return new ForwardingDriver(d) {
                int steps;

                @Override
                public Control act(CarView car, float[] observation) {
                    if (++steps == 40) {
                        throw new IllegalStateException("the network returned NaN");
                    }
                    return delegate.act(car, observation);
                }
            };
        };
    }
}
