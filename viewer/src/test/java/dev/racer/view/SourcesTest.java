package dev.racer.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.race.EnvConfig;
import dev.racer.race.LapResult;
import dev.racer.race.TimeTrial;
import dev.racer.race.TimeTrialConfig;
import dev.racer.race.TrialResult;
import dev.racer.reward.Rewards;
import dev.racer.track.TrackLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesTest {

    @Test
    void readsADeepRacerSimTrace(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("trace.csv");
        Files.writeString(csv, """
                episode,steps,X,Y,yaw,steer,throttle,action,reward,done,all_wheels_on_track,progress,closest_waypoint,track_len,tstamp,episode_status,pause_duration
                0,1,1.14,2.0,0.0,10.0,1.5,"[10.0, 1.5]",1.0,False,True,1.0,1,17.7,100.0,in_progress,0.0
                0,2,1.24,2.0,0.0,10.0,1.5,"[10.0, 1.5]",0.5,False,False,50.0,5,17.7,100.5,off_track,0.0
                0,3,1.34,2.0,0.0,0.0,1.5,3,0.5,True,True,100.0,9,17.7,109.0,lap_complete,0.0
                1,1,1.0,2.14,90.0,-5.0,2.0,3,1.0,False,True,1.0,1,17.7,120.0,in_progress,0.0
                """);
        List<ReplayFrame> f = TraceCsv.read(csv, 0.14);
        assertEquals(4, f.size());
        assertEquals(1.0, f.get(0).x(), 1e-9, "X is the front point: the rear axle is 0.14 m behind");
        assertEquals(Math.toRadians(10), f.get(0).steering(), 1e-12);
        assertEquals(1, f.get(1).offTrack());
        assertEquals(9.0, f.get(2).lapTime(), 1e-9);
        assertEquals(9.0, f.get(2).bestLap(), 1e-9);
        assertEquals(2, f.get(3).lap());
        assertEquals(2.0, f.get(3).y(), 1e-9);
        assertEquals(Math.PI / 2, f.get(3).yaw(), 1e-12);

        ReplaySource r = new ReplaySource(f, "REPLAY");
        r.step();
        r.advance(0);
        assertEquals(1, r.index());
        assertTrue(r.paused());
        r.realTime();
        r.advance(Source.STEP * 1.5); // one step and half of the next
        assertEquals(2, r.index());
        r.seek(10);
        assertEquals(3, r.index(), "stops at the end");
    }

    @Test
    void theFollowerLapsLive() {
        LiveSource live = new LiveSource(TrackLibrary.standard().get("reinvent_base"), EnvConfig.DEFAULT,
                new dev.racer.race.PurePursuitDriver(), Rewards.load("center_line"), "LIVE");
        live.seek(400);
        ViewState s = live.state();
        assertTrue(s.lap >= 2, "completed a lap in 400 steps, lap " + s.lap);
        assertTrue(s.bestLap > 5 && s.bestLap < 20, "lap time " + s.bestLap);
        assertEquals(0, s.offTrack);
        assertEquals(400, s.step);
    }

    @Test
    void liveShowsThePenaltyAndScoresTheLapAsTheTimeTrialDoes() {
        var track = TrackLibrary.standard().get("reinvent_base");
        LiveSource live = new LiveSource(track, EnvConfig.DEFAULT, new OffTrackOnce(), Rewards.load("center_line"),
                "LIVE");
        ViewState s = live.state();
        int steps = 0;
        while (!s.inPenalty && steps++ < 200) {
            live.seek(1);
        }
        assertTrue(s.inPenalty, "went off within 200 steps");
        assertEquals(1, s.offTrack);
        assertEquals(2.0, s.penaltyLeft, 1e-9);
        assertTrue(Hud.lines(s, dev.racer.render.Cameras.Mode.TOP)[4].startsWith("OFF TRACK +2.0 S  2.0 S LEFT"));
        double x = s.x, y = s.y, lapTime = s.lapTime;
        for (int k = 1; k < 30; k++) {
            live.seek(1);
            assertTrue(s.inPenalty);
            assertEquals(x, s.x, "frozen during the penalty");
            assertEquals(y, s.y);
            assertEquals(0, s.speed);
            assertEquals(lapTime + k / 15.0, s.lapTime, 1e-9, "the lap clock runs");
        }
        live.seek(1);
        assertFalse(s.inPenalty);
        assertEquals(4, Hud.lines(s, dev.racer.render.Cameras.Mode.TOP).length, "no penalty line after it");
        live.seek(1);
        assertTrue(live.env().params().distanceFromCenter() < 0.1, "put back on the centre line");
        while (s.lap == 1) {
            live.seek(1);
        }
        // the lap time the viewer shows is the one racer evaluate scores (penalty included)
        TrialResult trial = new TimeTrial(track, EnvConfig.DEFAULT, TimeTrialConfig.DEFAULT)
                .run(new OffTrackOnce(), 1);
        LapResult lap1 = trial.laps().get(0);
        assertEquals(1, lap1.offTracks());
        assertEquals(2000, lap1.penaltyMs());
        assertEquals(lap1.timeMs() / 1000.0, s.bestLap, 1e-12);
    }
}
