package dev.racer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ViewCommandTest {
    private record Run(int rc, String out, String err) {
    }

    private static Run racer(String... args) {
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int rc;
        try {
            var cl = Racer.commandLine();
            cl.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
            rc = cl.execute(args);
        } finally {
            System.setOut(oldOut);
        }
        return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assumeGl(Run r) {
        if (r.rc() == 4) {
            System.out.println("ViewCommandTest: no headless OpenGL here: " + r.err());
            Assumptions.abort("no headless OpenGL (EGL): " + r.err());
        }
    }

    @Test
    void screenshotOfTheFollowerWithNoDisplay(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("shots/top.png");
        Run r = racer("view", "--driver", "follow", "--track", "reinvent_base", "--screenshot", png.toString(),
                "--at-step", "30", "--camera", "top", "--size", "320x200");
        assumeGl(r);
        assertEquals(0, r.rc(), r.err());
        assertTrue(r.out().contains("top camera, step 30"), r.out());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(320, img.getWidth());
        assertEquals(200, img.getHeight());
    }

    @Test
    void screenshotOfAReplayedTrace(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("trace.csv");
        StringBuilder sb = new StringBuilder("episode,steps,X,Y,yaw,steer,throttle,action,reward,done,"
                + "all_wheels_on_track,progress,closest_waypoint,track_len,tstamp,episode_status,pause_duration\n");
        for (int i = 0; i < 20; i++) {
            sb.append(String.format(java.util.Locale.ROOT, "0,%d,%.3f,0.68,0.0,0.0,1.0,0,1.0,False,True,%.1f,1,17.7,%.3f,in_progress,0.0%n",
                    i + 1, 3.2 + 0.07 * i, i * 0.4, i / 15.0));
        }
        Files.writeString(csv, sb.toString());
        Path png = dir.resolve("chase.png");
        Run r = racer("view", "--trace", csv.toString(), "--screenshot", png.toString(), "--at-step", "10",
                "--size", "160x120");
        assumeGl(r);
        assertEquals(0, r.rc(), r.err());
        assertTrue(Files.size(png) > 0);
    }

    private static void trace(Path csv, double y, double start) throws java.io.IOException {
        StringBuilder sb = new StringBuilder("episode,steps,X,Y,yaw,steer,throttle,action,reward,done,"
                + "all_wheels_on_track,progress,closest_waypoint,track_len,tstamp,episode_status,pause_duration\n");
        for (int i = 0; i < 20; i++) {
            sb.append(String.format(java.util.Locale.ROOT, "0,%d,%.3f,%.2f,0.0,0.0,1.0,0,1.0,False,True,%.1f,1,17.7,%.3f,in_progress,0.0%n",
                    i + 1, start + 0.07 * i, y, start * 3 + i * 0.4, i / 15.0));
        }
        Files.createDirectories(csv.getParent());
        Files.writeString(csv, sb.toString());
    }

    @Test
    void screenshotOfARaceReplayedFromOneTracePerCar(@TempDir Path dir) throws Exception {
        trace(dir.resolve("race/alpha.csv"), 0.6, 3.2);
        trace(dir.resolve("race/bravo.csv"), 0.8, 3.8);
        Path png = dir.resolve("race.png");
        Run r = racer("view", "--replay", dir.resolve("race/alpha.csv").toString(), "--replay",
                dir.resolve("race/bravo.csv").toString(), "--follow", "bravo", "--screenshot", png.toString(),
                "--at-step", "10", "--size", "320x200");
        assumeGl(r);
        assertEquals(0, r.rc(), r.err());
        assertTrue(Files.size(png) > 0);
        // a folder of traces is the same race
        Run folder = racer("view", "--replay", dir.resolve("race").toString(), "--follow", "2", "--screenshot",
                png.toString(), "--size", "160x120");
        assertEquals(0, folder.rc(), folder.err());
        Run badFollow = racer("view", "--replay", dir.resolve("race").toString(), "--follow", "3", "--screenshot",
                png.toString());
        assertEquals(2, badFollow.rc());
        assertTrue(badFollow.err().contains("--follow 3: there are 2 cars"), badFollow.err());
        Run noName = racer("view", "--replay", dir.resolve("race").toString(), "--follow", "zulu", "--screenshot",
                png.toString());
        assertEquals(2, noName.rc());
        assertTrue(noName.err().contains("no car of that name; the cars are [alpha, bravo]"), noName.err());
        Run empty = racer("view", "--replay", Files.createDirectories(dir.resolve("none")).toString());
        assertEquals(2, empty.rc());
        assertTrue(empty.err().contains("no .csv sim-traces"), empty.err());
    }

    @Test
    void screenshotOfAnObjectAvoidanceRaceLive(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("boxes.png");
        Run r = racer("view", "--driver", "follow", "--track", "reinvent_base", "--race-type", "OBJECT_AVOIDANCE",
                "--objects", "4", "--screenshot", png.toString(), "--camera", "top", "--size", "320x200");
        assumeGl(r);
        assertEquals(0, r.rc(), r.err());
        assertTrue(Files.isRegularFile(png));
        Run replay = racer("view", "--replay", dir.resolve("t.csv").toString(), "--objects", "3");
        assertEquals(2, replay.rc());
        assertTrue(replay.err().contains("for live views") && replay.err().contains("objects.json"), replay.err());
        Run tooMany = racer("view", "--driver", "follow", "--track", "reinvent_base", "--objects", "-1",
                "--screenshot", png.toString());
        assertEquals(2, tooMany.rc());
        assertTrue(tooMany.err().contains("--objects"), tooMany.err());
    }

    @Test
    void clearErrors(@TempDir Path dir) {
        Run bad = racer("view", "--size", "big", "--screenshot", dir.resolve("x.png").toString());
        assertEquals(2, bad.rc());
        assertTrue(bad.err().contains("--size must be WIDTHxHEIGHT"), bad.err());
        Run both = racer("view", "--trace", "t.csv", "--driver", "follow");
        assertEquals(2, both.rc());
        assertTrue(both.err().contains("not both"), both.err());
        Run cam = racer("view", "--camera", "side");
        assertEquals(2, cam.rc());
        assertTrue(cam.err().contains("camera must be chase, top or onboard"), cam.err());
        Run model = racer("view", dir.toString(), "--screenshot", dir.resolve("m.png").toString());
        assertEquals(2, model.rc());
        assertTrue(model.err().contains("not a model folder"), model.err());
    }
}
