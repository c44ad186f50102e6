package dev.racer.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandingsTest {

    /** A car lapping at {@code rate} % a step, from {@code start} %, for {@code steps} steps. */
    private static List<ReplayFrame> lapping(double start, double rate, int steps) {
        List<ReplayFrame> out = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            double d = start + rate * i;
            int lap = 1 + (int) (d / 100);
            out.add(new ReplayFrame(0, i, i * 0.01, 0, 0, 0, 1, d % 100, 1, lap, i * Source.STEP, Double.NaN, 0, 0,
                    0, "in_progress", false, Double.POSITIVE_INFINITY));
        }
        return out;
    }

    @Test
    void placesByLapsAndProgressAndGapsInSecondsToTheCarAhead() {
        // B is A three steps later; C started 10 % ahead (as a staggered start) and is slower
        ReplaySource r = ReplaySource.of(List.of(new ReplaySource.Car("A", lapping(10, 1, 300)),
                new ReplaySource.Car("B", lapping(7, 1, 300)), new ReplaySource.Car("C", lapping(30, 0.5, 300))), "RACE");
        r.seek(20);
        ViewState s = r.state();
        // at step 20: A 30 %, B 27 %, C 40 %
        assertEquals(1, s.car(2).position);
        assertEquals(2, s.car(0).position);
        assertEquals(3, s.car(1).position);
        assertTrue(Double.isNaN(s.car(2).gap), "the leader has no gap");
        assertEquals(3 * Source.STEP, s.car(1).gap, 1e-9, "B passes where A was 3 steps ago");
        // C was never recorded at 30 %: estimated at C's pace, 0.5 % a step: 10 % behind is 20 steps
        assertEquals(20 * Source.STEP, s.car(0).gap, 0.05);
        r.seek(180); // seek steps on from where it is
        // step 200: A 210 % (lap 3), B 207 %, C 130 %
        assertEquals(1, s.car(0).position);
        assertEquals(3, s.car(0).lap);
        assertEquals(2, s.car(1).position);
        assertEquals(3 * Source.STEP, s.car(1).gap, 1e-9);
        assertEquals(3, s.car(2).position);
        assertEquals((207 - 130) / 1.0 * Source.STEP, s.car(2).gap, 1e-9, "C is where B was 77 steps ago");
    }

    @Test
    void aFolderOfTracesIsOneCarEach(@TempDir Path dir) throws Exception {
        String header = "episode,steps,X,Y,yaw,steer,throttle,action,reward,done,all_wheels_on_track,progress,"
                + "closest_waypoint,track_len,tstamp,episode_status,pause_duration\n";
        Files.writeString(dir.resolve("b-model.csv"), header
                + "0,1,1.0,2.0,0.0,0.0,1.0,0,1.0,False,True,1.0,1,17.7,0.0,in_progress,0.0\n"
                + "0,2,1.1,2.0,0.0,0.0,1.0,0,1.0,False,True,2.0,1,17.7,0.07,crashed,0.0\n");
        Files.writeString(dir.resolve("a-model.csv"), header
                + "0,1,3.0,2.0,0.0,0.0,1.0,0,1.0,False,True,5.0,1,17.7,0.0,in_progress,0.0\n"
                + "0,2,3.1,2.0,0.0,0.0,1.0,0,1.0,False,True,6.0,1,17.7,0.07,pause,1.5\n"
                + "0,3,3.1,2.0,0.0,0.0,1.0,0,1.0,False,True,6.0,1,17.7,0.13,pause,1.43\n");
        Files.writeString(dir.resolve("notes.txt"), "not a trace");
        List<ReplaySource.Car> cars = TraceCsv.cars(List.of(dir), 0.14);
        assertEquals(List.of("a-model", "b-model"), cars.stream().map(ReplaySource.Car::name).toList());
        ReplaySource r = ReplaySource.of(cars, "REPLAY");
        assertEquals(2, r.state().count());
        r.seek(5);
        assertEquals(2, r.index(), "runs to the longest trace");
        CarState a = r.state().car(0), b = r.state().car(1);
        assertEquals(1, b.crashes);
        assertEquals(1.1 - 0.14, b.x, 1e-9, "a finished trace stays at its last step");
        assertTrue(a.inPenalty);
        assertEquals(1.43, a.penaltyLeft, 1e-9);
        assertEquals(1, a.position);

        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TraceCsv.cars(List.of(dir.resolve("nothing")), 0.14));
        assertTrue(e.getMessage().contains("no such trace file or folder"), e.getMessage());
        Path empty = Files.createDirectory(dir.resolve("empty"));
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TraceCsv.cars(List.of(empty), 0.14));
        assertTrue(e.getMessage().contains("no .csv sim-traces"), e.getMessage());
    }
}
