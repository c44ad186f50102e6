package dev.racer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.racer.league.LeagueClient;
import dev.racer.league.LeagueConfig;
import dev.racer.league.LeagueRules;
import dev.racer.league.LeagueServer;
import dev.racer.league.UploadLimits;
import dev.racer.league.api.LeagueApi;
import dev.racer.race.EnvConfig;
import dev.racer.race.RaceType;
import dev.racer.race.TimeTrialConfig;
import dev.racer.world.ObjectConfig;
import dev.racer.track.TrackLibrary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code racer league serve|register|create-league}: the leaderboard server and its administration. */
@Command(name = "league", mixinStandardHelpOptions = true,
        description = "The league: a leaderboard server that races submitted models and ranks them.",
        subcommands = {LeagueCommand.Serve.class, LeagueCommand.Register.class, LeagueCommand.CreateLeague.class})
public final class LeagueCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** League rules as options (serve and create-league). */
    static final class RuleOptions {
        @CommandLine.Mixin
        TrackMixin track;
        @Option(names = "--laps", defaultValue = "3", description = "laps per race (default: ${DEFAULT-VALUE})")
        int laps;
        @Option(names = "--ranking", defaultValue = "total_time",
                description = "best_lap_time, avg_lap_time or total_time (default: ${DEFAULT-VALUE})")
        String ranking;
        @Option(names = "--offtrack-penalty", defaultValue = "2", description = "seconds frozen after going off track (default: ${DEFAULT-VALUE})")
        double penalty;
        @Option(names = "--max-resets", defaultValue = "-1", description = "off-track resets allowed, -1 unlimited (default: ${DEFAULT-VALUE})")
        int maxResets;
        @Option(names = "--time-limit", defaultValue = "120", description = "wall-clock seconds one evaluation may take (default: ${DEFAULT-VALUE})")
        int timeLimit;
        /** --race-type, --objects, --randomize-objects, --object-positions, --bots, --bot-speed, --bot-lane-change: as racer evaluate takes them */
        @CommandLine.Mixin
        ObjectOptions objects = new ObjectOptions();
        @Option(names = "--collision-penalty", paramLabel = "S", description = "seconds frozen after crashing into a box or a bot car"
                + " (default: " + TimeTrialConfig.DEFAULT_COLLISION_PENALTY + ", DeepRacer's)")
        Double collisionPenalty;
        @Option(names = "--heat-size", paramLabel = "N", description = "cars per heat of a HEAD_TO_MODEL league: the new"
                + " entry and the top-rated others (default: " + LeagueRules.DEFAULT_HEAT_SIZE + ")")
        Integer heatSize;

        /** The rules of the options; the race type and objects as {@code racer evaluate} races them (6 boxes by default). */
        LeagueRules rules() {
            try {
                LeagueRules r = new LeagueRules(track.id, laps, Math.round(penalty * 1000), maxResets,
                        dev.racer.race.RankingRule.parse(ranking), timeLimit);
                if (objects.headToModel()) {
                    r = r.withRace(RaceType.HEAD_TO_MODEL, null);
                } else if (objects.given()) {
                    EnvConfig env = objects.apply(EnvConfig.DEFAULT, track.load(), false);
                    r = r.withRace(env.raceType(), env.placedObjects()).withBots(env.placedBots());
                }
                if (collisionPenalty != null) {
                    if (!(collisionPenalty >= 0 && collisionPenalty <= 60)) {
                        throw new UserException("--collision-penalty must be in [0, 60] s, got " + collisionPenalty);
                    }
                    r = r.withCollisionPenaltyMs(Math.round(collisionPenalty * 1000));
                }
                if (heatSize != null) {
                    if (r.raceType() != RaceType.HEAD_TO_MODEL) {
                        throw new UserException("--heat-size needs --race-type HEAD_TO_MODEL");
                    }
                    r = r.withHeatSize(heatSize);
                }
                return r;
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage());
            }
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Serves the league's API and web page and races submissions with a pool of workers. Ctrl-C stops it.")
    static final class Serve implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--port", defaultValue = "8080", description = "port (default: ${DEFAULT-VALUE}; 0: any free port)")
        int port;
        @Option(names = "--host", defaultValue = "127.0.0.1",
                description = "address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every interface)")
        String host;
        @Option(names = "--db", description = "jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB?user=U&password=P (default: SQLite in the data folder)")
        String db;
        @Option(names = "--data", description = "folder for the database, uploaded models and traces (default: $RACER_HOME/league or ~/.racer/league)")
        Path data;
        @Option(names = "--workers", description = "evaluation workers, races at once (default: CPU cores - 1, at least 1)")
        Integer workers;
        @Option(names = "--league", defaultValue = "default", description = "id of the league made (or updated) from the rule options (default: ${DEFAULT-VALUE})")
        String league;
        @Option(names = "--name", description = "its display name")
        String name;
        @CommandLine.Mixin
        RuleOptions rules = new RuleOptions();
        @Option(names = "--max-upload-mb", defaultValue = "32", description = "largest upload [MiB] (default: ${DEFAULT-VALUE})")
        int maxUploadMb;
        @Option(names = "--uploads-per-minute", defaultValue = "10", description = "uploads per racer per minute (default: ${DEFAULT-VALUE})")
        int perMinute;
        @Option(names = "--max-pending", defaultValue = "10", description = "submissions per racer waiting or racing (default: ${DEFAULT-VALUE})")
        int maxPending;
        @Option(names = "--admin-token", defaultValue = "${env:RACER_LEAGUE_ADMIN_TOKEN}",
                description = "token that may create leagues (default: $RACER_LEAGUE_ADMIN_TOKEN, else generated into DATA/admin-token)")
        String adminToken;

        @Override
        public Integer call() throws Exception {
            Path dataDir = data != null ? data : TrackLibrary.defaultUserDir().getParent().resolve("league");
            if (!TrackLibrary.isSafeId(league)) {
                throw new UserException("--league must be an id: letters, digits, _ . -");
            }
            LeagueConfig cfg;
            try {
                LeagueConfig d = LeagueConfig.defaults(dataDir);
                cfg = d.withHost(host).withPort(port).withDb(db).withWorkers(workers != null ? workers : d.workers())
                        .withLimits(new UploadLimits((long) maxUploadMb << 20, d.limits().maxEntries(),
                                Math.max(d.limits().maxUnpackedBytes(), 4L * maxUploadMb << 20), d.limits().maxJsonBytes()))
                        .withRateLimits(perMinute, maxPending).withAdminToken(blankToNull(adminToken))
                        .withDefaultLeague(new LeagueConfig.LeagueSpec(league, name != null ? name : league, rules.rules()));
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage());
            }
            LeagueServer server;
            try {
                server = LeagueServer.start(cfg);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new UserException(e.getMessage());
            } catch (java.io.IOException e) {
                throw new UserException("cannot use the data folder " + dataDir + ": " + e.getMessage());
            } catch (Exception e) {
                Throwable c = e;
                while (c.getCause() != null) {
                    c = c.getCause();
                }
                if (c instanceof java.net.BindException) {
                    throw new UserException("port " + port + " on " + host + " is in use; pick another with --port");
                }
                throw e;
            }
            PrintWriter out = spec.commandLine().getOut();
            LeagueRules lr = cfg.defaultLeague().rules();
            String race = lr.raceType() == RaceType.OBJECT_AVOIDANCE ? ", object avoidance with "
                    + lr.objects().objects() + " box(es)" : lr.raceType() == RaceType.HEAD_TO_MODEL
                    ? ", head to model in heats of up to " + lr.heatSize() + " cars, Elo ratings" : "";
            out.printf("racer league: serving %s/ (league \"%s\": %s, %d laps, %s%s), %d worker(s)%n", server.url(), league,
                    lr.trackId(), lr.laps(), lr.ranking().key(), race, cfg.workers());
            out.printf("  data in %s; admin token %s%n", dataDir.toAbsolutePath(),
                    cfg.adminToken() != null ? "from --admin-token" : "in " + dataDir.toAbsolutePath().resolve("admin-token"));
            out.println("  Ctrl-C stops it; submissions left waiting or racing are raced when it starts again.");
            out.flush();
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stop.countDown();
            }));
            stop.await();
            return 0;
        }
    }

    @Command(name = "register", mixinStandardHelpOptions = true,
            description = "Registers a racer on a league server and prints the racer's token (shown once: keep it).")
    static final class Register implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--server", defaultValue = "http://127.0.0.1:8080", description = "league server (default: ${DEFAULT-VALUE})")
        String server;
        @Option(names = "--name", required = true, description = "your racer name, as the leaderboard shows it")
        String name;

        @Override
        public Integer call() throws Exception {
            LeagueApi.Registered r = LeagueCommand.call(() -> client(server).register(name), LeagueApi.Registered.class);
            PrintWriter out = spec.commandLine().getOut();
            out.println("registered racer \"" + r.name() + "\" (" + r.id() + ")");
            out.println("token (shown once; keep it, e.g. export RACER_TOKEN=...):");
            out.println(r.token());
            return 0;
        }
    }

    @Command(name = "create-league", mixinStandardHelpOptions = true,
            description = "Creates a league on a server (needs the server's admin token).")
    static final class CreateLeague implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--server", defaultValue = "http://127.0.0.1:8080", description = "league server (default: ${DEFAULT-VALUE})")
        String server;
        @Option(names = "--admin-token", required = true, defaultValue = "${env:RACER_LEAGUE_ADMIN_TOKEN}",
                description = "the server's admin token (default: $RACER_LEAGUE_ADMIN_TOKEN)")
        String adminToken;
        @Option(names = "--id", required = true, description = "league id (letters, digits, _ . -)")
        String id;
        @Option(names = "--name", description = "display name")
        String name;
        @Option(names = "--replace", description = "change the rules of an existing league")
        boolean replace;
        @CommandLine.Mixin
        RuleOptions rules = new RuleOptions();

        @Override
        public Integer call() throws Exception {
            LeagueRules r = rules.rules();
            LeagueApi.CreateLeague body = request(id, name != null ? name : id, r, replace);
            LeagueApi.LeagueInfo l = LeagueCommand.call(() -> client(server).createLeague(blankToNull(adminToken), body),
                    LeagueApi.LeagueInfo.class);
            spec.commandLine().getOut().printf("league \"%s\": %s, %d laps, ranked by %s%s%n", l.id(), l.track(), l.laps(),
                    l.ranking(), describeRace(l));
            return 0;
        }
    }

    /** The API request that creates a league with rules {@code r}. */
    static LeagueApi.CreateLeague request(String id, String name, LeagueRules r, boolean replace) {
        boolean oa = r.raceType() == RaceType.OBJECT_AVOIDANCE;
        ObjectConfig o = r.objects();
        boolean fixed = oa && !o.positions().isEmpty();
        java.util.List<String> positions = fixed
                ? o.positions().stream().map(ObjectConfig.Position::text).toList() : null;
        boolean bots = r.bots().count() > 0;
        return new LeagueApi.CreateLeague(id, name, r.trackId(), r.laps(), r.offtrackPenaltyMs() / 1000.0,
                r.maxResets(), r.ranking().key(), r.timeLimitSeconds(), replace, r.raceType().name(),
                oa && !fixed ? Integer.valueOf(o.objects()) : null, oa && !fixed ? Boolean.valueOf(o.randomize()) : null,
                positions, r.collisionPenaltyMs() / 1000.0, bots ? r.bots().count() : null,
                bots ? r.bots().speed() : null, bots ? r.bots().laneChange() : null,
                r.raceType() == RaceType.HEAD_TO_MODEL ? r.heatSize() : null);
    }

    /** {@code ", object avoidance: 6 boxes (fixed), 5 s a collision"}, or nothing for a time trial. */
    static String describeRace(LeagueApi.LeagueInfo l) {
        if (l.raceType().equals(RaceType.TIME_TRIAL.name())) {
            return "";
        }
        if (l.raceType().equals(RaceType.HEAD_TO_MODEL.name())) {
            return ", head to model: heats of up to " + l.heatSize() + " cars, Elo ratings, " + l.collisionPenalty()
                    + " s a collision";
        }
        String boxes = l.objects() + " box(es) (" + (l.randomizeObjects() ? "randomized"
                : l.objectPositions().isEmpty() ? "evenly spaced" : "fixed") + ")";
        String bots = l.bots() + " bot(s) at " + l.botSpeed() + " m/s";
        return ", " + l.raceType().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": "
                + (l.bots() > 0 ? bots : boxes) + ", " + l.collisionPenalty() + " s a collision";
    }

    static LeagueClient client(String server) {
        try {
            return new LeagueClient(server);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }

    interface Request {
        LeagueClient.Reply send() throws Exception;
    }

    /** {@link #call(Request)}, the answer as one of the API's records. */
    static <T> T call(Request r, Class<T> type) throws Exception {
        return dev.racer.league.api.Wire.read(call(r), type);
    }

    /** Sends a request; a refusal or an unreachable server becomes a one-line user error. */
    static JsonNode call(Request r) throws Exception {
        LeagueClient.Reply reply;
        try {
            reply = r.send();
        } catch (java.net.ConnectException e) {
            throw new UserException("cannot reach the league server (is it running? racer league serve)", 3);
        } catch (java.io.IOException e) {
            throw new UserException("the league server did not answer: " + e.getMessage(), 3);
        }
        if (!reply.ok()) {
            throw new UserException("the league server refused (HTTP " + reply.status() + "): " + reply.error());
        }
        return reply.body();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
