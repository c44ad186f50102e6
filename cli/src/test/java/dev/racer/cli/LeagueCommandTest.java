package dev.racer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.league.LeagueConfig;
import dev.racer.league.LeagueRules;
import dev.racer.league.LeagueServer;
import dev.racer.league.RaceOutcome;
import dev.racer.league.RaceRunner;
import dev.racer.league.TimeTrialRaceRunner;
import dev.racer.race.EnvConfig;
import dev.racer.race.PurePursuitDriver;
import dev.racer.race.TimeTrial;
import dev.racer.track.TrackLibrary;
import dev.racer.trace.SimTraceWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** racer league register / create-league and racer submit --wait against a server on loopback. */
class LeagueCommandTest {
    @TempDir
    Path tmp;

    /** Tests only: races the engine's pure-pursuit driver whatever the model (the CLI is what is under test). */
    static final class PurePursuitRunner implements RaceRunner {
        @Override
        public RaceOutcome race(Path modelDir, LeagueRules rules, Path traceOut, long deadlineNanos) {
            TimeTrial trial = new TimeTrial(TrackLibrary.standard().get(rules.trackId()), EnvConfig.DEFAULT,
                    TimeTrialRaceRunner.trialConfig(rules));
            try (SimTraceWriter w = SimTraceWriter.open(traceOut)) {
                return RaceOutcome.of(trial.run(new PurePursuitDriver(), 0, w::row));
            }
        }
    }

    private Path model() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("models/my-model"));
        Files.writeString(dir.resolve("model_metadata.json"), """
                {"action_space": [{"steering_angle": -15, "speed": 1.5}, {"steering_angle": 15, "speed": 1.5}],
                 "action_space_type": "discrete", "sensor": ["RACER_BORDER_RAYS"], "neural_network": "RACER_MLP",
                 "training_algorithm": "clipped_ppo", "version": "5"}""");
        Files.createDirectories(dir.resolve("model"));
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(dir.resolve("model/policy.zip")))) {
            z.putNextEntry(new ZipEntry("configuration.json"));
            z.write("{}".getBytes());
            z.putNextEntry(new ZipEntry("coefficients.bin"));
            z.write(new byte[16]);
        }
        Files.createDirectories(dir.resolve("checkpoint"));
        Files.writeString(dir.resolve("checkpoint/state.json"), "{}");
        Files.writeString(dir.resolve("metrics.jsonl"), "{}\n");
        return dir;
    }

    @Test
    void registerSubmitAndWaitPrintsTheRankAndLapTimes() throws Exception {
        LeagueRules d = LeagueRules.DEFAULT;
        LeagueConfig cfg = LeagueConfig.defaults(tmp.resolve("data")).withPort(0).withWorkers(1).withAdminToken("adm")
                .withDefaultLeague(new LeagueConfig.LeagueSpec("default", "Test", new LeagueRules(d.trackId(), 2,
                        d.offtrackPenaltyMs(), d.maxResets(), d.ranking(), 60)));
        try (LeagueServer server = LeagueServer.start(cfg, TrackLibrary.standard(), new PurePursuitRunner())) {
            String url = server.url();
            CliRun reg = CliRun.of("league", "register", "--server", url, "--name", "Ada");
            assertEquals(0, reg.exitCode(), reg.err());
            String[] lines = reg.out().strip().split("\n");
            String token = lines[lines.length - 1].strip();
            assertTrue(token.startsWith("rt_"), reg.out());
            CliRun dup = CliRun.of("league", "register", "--server", url, "--name", "Ada");
            assertEquals(2, dup.exitCode());
            assertTrue(dup.err().contains("HTTP 409") && dup.err().contains("taken"), dup.err());

            CliRun sub = CliRun.of("submit", model().toString(), "--server", url, "--league", "default", "--token", token, "--wait");
            assertEquals(0, sub.exitCode(), sub.out() + sub.err());
            assertTrue(sub.out().contains("finished: 2 lap(s) completed"), sub.out());
            assertTrue(sub.out().contains("  lap 1  ") && sub.out().contains("  lap 2  "), sub.out());
            assertTrue(sub.out().contains("rank 1 of 1 in league default"), sub.out());

            CliRun badToken = CliRun.of("submit", model().toString(), "--server", url, "--token", "rt_00000000_x");
            assertEquals(2, badToken.exitCode());
            assertTrue(badToken.err().contains("HTTP 401"), badToken.err());
            CliRun notModel = CliRun.of("submit", tmp.toString(), "--server", url, "--token", token);
            assertEquals(2, notModel.exitCode());
            assertTrue(notModel.err().contains("no model_metadata.json"), notModel.err());
            Path rgb = model();
            Files.writeString(rgb.resolve("model_metadata.json"), Files.readString(rgb.resolve("model_metadata.json"))
                    .replace("\"version\"", "\"preprocess_type\": \"RGB\", \"version\""));
            CliRun refused = CliRun.of("submit", rgb.toString(), "--server", url, "--token", token);
            assertEquals(2, refused.exitCode(), refused.out());
            assertTrue(refused.err().contains("preprocess_type") && refused.err().contains("GREY_SCALE"), refused.err());
            assertEquals(1, server.store().counts().values().stream().mapToInt(Integer::intValue).sum(),
                    "refused before the upload: the server holds only the first submission");

            CliRun league = CliRun.of("league", "create-league", "--server", url, "--admin-token", "adm", "--id", "sprint",
                    "--laps", "1", "--ranking", "best_lap_time");
            assertEquals(0, league.exitCode(), league.err());
            assertTrue(league.out().contains("league \"sprint\": reinvent_base, 1 laps, ranked by best_lap_time"), league.out());
            CliRun noAdmin = CliRun.of("league", "create-league", "--server", url, "--admin-token", "nope", "--id", "x");
            assertEquals(2, noAdmin.exitCode());
            assertTrue(noAdmin.err().contains("admin token"), noAdmin.err());
        }
        CliRun down = CliRun.of("league", "register", "--server", "http://127.0.0.1:1", "--name", "x");
        assertEquals(3, down.exitCode());
        assertTrue(down.err().contains("cannot reach the league server"), down.err());
    }

    @Test
    void createLeagueTakesTheRaceTypeAndObjects() throws Exception {
        LeagueConfig cfg = LeagueConfig.defaults(tmp.resolve("data")).withPort(0).withWorkers(1).withAdminToken("adm");
        try (LeagueServer server = LeagueServer.start(cfg, TrackLibrary.standard(), new PurePursuitRunner())) {
            String url = server.url();
            CliRun oa = CliRun.of("league", "create-league", "--server", url, "--admin-token", "adm", "--id", "boxes",
                    "--race-type", "OBJECT_AVOIDANCE", "--objects", "3", "--randomize-objects", "--collision-penalty", "4");
            assertEquals(0, oa.exitCode(), oa.err());
            assertTrue(oa.out().contains("object avoidance: 3 box(es) (randomized), 4.0 s a collision"), oa.out());
            LeagueRules r = server.store().getLeague("boxes").orElseThrow().rules();
            assertEquals(dev.racer.race.RaceType.OBJECT_AVOIDANCE, r.raceType());
            assertEquals(dev.racer.world.ObjectConfig.spaced(3, true), r.objects());
            assertEquals(4000, r.collisionPenaltyMs());

            CliRun h2m = CliRun.of("league", "create-league", "--server", url, "--admin-token", "adm", "--id", "heads",
                    "--race-type", "head_to_model", "--heat-size", "3");
            assertEquals(0, h2m.exitCode(), h2m.err());
            assertTrue(h2m.out().contains("head to model: heats of up to 3 cars"), h2m.out());
            LeagueRules hr = server.store().getLeague("heads").orElseThrow().rules();
            assertEquals(dev.racer.race.RaceType.HEAD_TO_MODEL, hr.raceType());
            assertEquals(3, hr.heatSize());
            CliRun heatTt = CliRun.of("league", "create-league", "--server", url, "--admin-token", "adm", "--id", "x",
                    "--heat-size", "3");
            assertTrue(heatTt.err().contains("--heat-size needs --race-type HEAD_TO_MODEL"), heatTt.err());

            CliRun six = CliRun.of("league", "create-league", "--server", url, "--admin-token", "adm", "--id", "six",
                    "--race-type", "OBJECT_AVOIDANCE");
            assertEquals(0, six.exitCode(), six.err());
            assertEquals(dev.racer.world.ObjectConfig.RACE_DEFAULT, server.store().getLeague("six").orElseThrow().rules()
                    .objects(), "DeepRacer's six fixed boxes, as racer evaluate races them");
            CliRun fixed = CliRun.of("league", "create-league", "--server", url, "--admin-token", "adm", "--id", "two",
                    "--object-positions", "0.2,1;0.6,-1");
            assertEquals(0, fixed.exitCode(), fixed.err());
            assertTrue(fixed.out().contains("2 box(es) (fixed)"), fixed.out());

            CliRun tooMany = CliRun.of("league", "create-league", "--server", url, "--admin-token", "adm", "--id", "x",
                    "--objects", "500");
            assertEquals(2, tooMany.exitCode());
            assertTrue(tooMany.err().contains("--objects 500 does not fit"), tooMany.err());
            CliRun tt = CliRun.of("league", "create-league", "--server", url, "--admin-token", "adm", "--id", "x",
                    "--race-type", "TIME_TRIAL", "--objects", "2");
            assertEquals(2, tt.exitCode());
            assertTrue(tt.err().contains("need --race-type OBJECT_AVOIDANCE"), tt.err());
            CliRun penalty = CliRun.of("league", "create-league", "--server", url, "--admin-token", "adm", "--id", "x",
                    "--race-type", "OBJECT_AVOIDANCE", "--collision-penalty", "99");
            assertEquals(2, penalty.exitCode());
            assertTrue(penalty.err().contains("--collision-penalty must be in [0, 60]"), penalty.err());
            assertTrue(server.store().getLeague("x").isEmpty());
        }
    }
}
