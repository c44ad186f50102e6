package dev.racer.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.car.CarSpec;
import dev.racer.race.EnvConfig;
import dev.racer.race.PurePursuitDriver;
import dev.racer.race.RaceType;
import dev.racer.render.Cameras;
import dev.racer.render.TrackScene;
import dev.racer.reward.Rewards;
import dev.racer.trace.ObjectTrace;
import dev.racer.track.Track;
import dev.racer.track.TrackGeometry;
import dev.racer.track.TrackLibrary;
import dev.racer.world.ObjectConfig;
import dev.racer.world.WorldObjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The boxes of an object-avoidance race in the viewer: live from the environment, in replays from the trace's
 * {@code NAME.objects.json}, drawn in a headless screenshot (skipped only where no EGL context can be made), and
 * a crash marked on the HUD.
 */
class ObjectsViewTest {
    static final Track TRACK = TrackLibrary.standard().get("reinvent_base");
    static final EnvConfig BOXES = EnvConfig.DEFAULT.withRaceType(RaceType.OBJECT_AVOIDANCE)
            .withObjects(ObjectConfig.TRAINING_DEFAULT);

    static LiveSource live() {
        return new LiveSource(TRACK, BOXES, new PurePursuitDriver(), Rewards.load("center_line"), "LIVE");
    }

    @Test
    void liveShowsTheEnvironmentsBoxes() {
        try (LiveSource live = live()) {
            ViewState v = live.state();
            WorldObjects o = live.env().objects();
            assertEquals(3, v.boxCount());
            for (int i = 0; i < 3; i++) {
                assertEquals(o.x(i), v.boxX(i));
                assertEquals(o.y(i), v.boxY(i));
                assertEquals(o.heading(i), v.boxHeading(i));
            }
            ViewState copy = new ViewState();
            copy.copyFrom(v);
            assertEquals(3, copy.boxCount());
            assertEquals(v.boxY(2), copy.boxY(2));
        }
        try (LiveSource plain = new LiveSource(TRACK, EnvConfig.DEFAULT, new PurePursuitDriver(),
                Rewards.load("center_line"), "LIVE")) {
            assertEquals(0, plain.state().boxCount(), "a time trial has no boxes");
        }
    }

    @Test
    void aCrashIsMarkedOnTheHudWithTheCollisionPenalty() {
        // the centre-line follower clips DeepRacer's first box (its edge reaches the centre line)
        try (LiveSource live = live()) {
            CarState s = live.state().car(0);
            for (int i = 0; i < 600 && s.crashes == 0; i++) {
                live.seek(1);
            }
            assertTrue(s.crashes >= 1, "the follower hit a box within 600 steps");
            assertTrue(s.inPenalty && s.crashPenalty, "frozen for the collision penalty");
            assertEquals(5.0, s.penalty, 1e-9, "DeepRacer's collision penalty");
            String[] lines = Hud.lines(live.state(), 0, Cameras.Mode.TOP);
            assertTrue(lines[lines.length - 1].startsWith("CRASHED +5.0 S"), lines[lines.length - 1]);
            assertTrue(Hud.marked(s));
        }
        CarState noPenalty = new CarState();
        noPenalty.sinceCrash = 0.5;
        assertEquals("CRASHED", Hud.penaltyLine(noPenalty), "a crash without a penalty is marked a moment");
        noPenalty.sinceCrash = Hud.CRASH_SHOWN + 0.1;
        assertTrue(!Hud.marked(noPenalty));
    }

    @Test
    void aReplayShowsThePlacementRecordedBesideItsTrace(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("run.csv");
        Files.writeString(csv, """
                episode,steps,X,Y,yaw,steer,throttle,action,reward,done,all_wheels_on_track,progress,closest_waypoint,track_len,tstamp,episode_status,pause_duration
                0,1,1.14,2.0,0.0,0.0,1.5,3,1.0,False,True,1.0,1,17.7,100.0,in_progress,0.0
                0,2,1.24,2.0,0.0,0.0,1.5,3,0.0,True,True,2.0,1,17.7,100.1,crashed,0.0
                1,1,1.0,2.14,90.0,0.0,2.0,3,1.0,False,True,1.0,1,17.7,120.0,in_progress,0.0
                """);
        ObjectTrace.write(ObjectTrace.sidecar(csv), List.of(
                new ObjectTrace.Placement(0, 0, new double[][] {{3, 1, 0}, {5, 2, 1}}),
                new ObjectTrace.Placement(1, 0, new double[][] {{4, 1, 0.5}})));
        assertEquals(dir.resolve("run.objects.json"), ObjectTrace.sidecar(csv));
        List<ReplaySource.Car> cars = TraceCsv.cars(List.of(csv), 0.14);
        ReplaySource r = ReplaySource.of(cars, "REPLAY");
        ViewState v = r.state();
        assertEquals(2, v.boxCount());
        assertEquals(5.0, v.boxX(1));
        r.seek(1);
        assertEquals(1, v.car(0).crashes);
        assertTrue(v.car(0).crashPenalty && v.car(0).sinceCrash < Hud.CRASH_SHOWN);
        r.seek(1);
        assertEquals(1, v.boxCount(), "the next episode's placement");
        assertEquals(0.5, v.boxHeading(0));
        assertNull(ObjectTrace.at(ObjectTrace.read(ObjectTrace.sidecar(csv)), -1, 0), "nothing before the first");
        // a trace without a sidecar replays with no boxes
        Path bare = dir.resolve("bare.csv");
        Files.copy(csv, bare);
        assertEquals(0, ReplaySource.of(TraceCsv.cars(List.of(bare), 0.14), "R").state().boxCount());
    }

    @Test
    void theBoxesAreDrawnInAHeadlessScreenshot() throws Exception {
        TrackGeometry geo = TrackGeometry.of(TRACK, false);
        int w = 640, h = 480;
        HeadlessRenderer r;
        try {
            r = HeadlessRenderer.open(TrackScene.of(geo), CarSpec.DEFAULT, w, h);
        } catch (GlContext.GlException | LinkageError e) {
            System.out.println("ObjectsViewTest skipped: no headless OpenGL (EGL) context: " + e.getMessage());
            Assumptions.abort("no headless OpenGL (EGL) context: " + e.getMessage());
            return;
        }
        try (r; LiveSource live = live()) {
            ViewState v = live.state();
            int[] with = r.render(v, Cameras.Mode.TOP, false);
            HeadlessRenderer.writePng(r.image(v, Cameras.Mode.TOP, true), Path.of("target", "screenshots", "boxes.png"));
            HeadlessRenderer.writePng(r.image(v, Cameras.Mode.CHASE, true),
                    Path.of("target", "screenshots", "boxes-chase.png"));
            ViewState none = new ViewState();
            none.copyFrom(v);
            none.setBoxes((double[][]) null);
            int[] without = r.render(none, Cameras.Mode.TOP, false);
            int differ = 0;
            for (int i = 0; i < with.length; i++) {
                differ += with[i] != without[i] ? 1 : 0;
            }
            System.out.printf("ObjectsViewTest: the 3 boxes change %d pixels of the %dx%d top view%n", differ, w, h);
            // each box's top is about 0.4 x 0.3 m; the top view shows the ~17 m track in 640 px (~30 px/m)
            assertTrue(differ > 3 * 60, "the boxes are drawn: " + differ + " pixels differ");
        }
    }
}
