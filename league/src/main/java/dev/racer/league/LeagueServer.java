package dev.racer.league;

import dev.racer.league.AccessManager.Role;
import dev.racer.league.api.LeagueApi;
import dev.racer.league.api.Wire;
import dev.racer.track.TrackException;
import dev.racer.track.TrackLibrary;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The league server: wires the store, the evaluation workers, the upload service and the controllers into one
 * Javalin app. Routing (and who may call what) is {@link #routes}; the handlers live in {@link LeagueController},
 * {@link RacerController} and {@link SubmissionController}; the wire records in {@link LeagueApi}. See the
 * README's "The league" for the API.
 */
public final class LeagueServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeagueServer.class);
    /** The page runs only its own script and loads nothing from elsewhere, whatever a user string holds. */
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
                    + " frame-ancestors 'none'; form-action 'none'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-cache");

    private final LeagueConfig config;
    private final TrackLibrary tracks;
    private final Database db;
    private final Store store;
    private final Evaluator evaluator;
    private final String adminToken;
    private final AccessManager access;
    private final LeagueController leagues;
    private final RacerController racers;
    private final SubmissionController submissions;
    private final HeatController heats;
    private Javalin app;

    private LeagueServer(LeagueConfig config, TrackLibrary tracks, RaceRunner runner) throws IOException {
        this.config = config;
        this.tracks = tracks;
        LeagueFiles files = LeagueFiles.open(config.dataDir());
        this.adminToken = config.adminToken() != null ? config.adminToken() : files.adminToken();
        this.db = Database.open(config.effectiveDbUrl(), config.workers() + 8);
        this.store = new Store(db);
        this.evaluator = new Evaluator(store, runner, new HeadToModelRunner(tracks, files.models(),
                dev.racer.race.DriverProvider::openModel), files.models(), files.traces(), files.tmp(), config.workers(),
                config.leaseMs());
        this.access = new AccessManager(store, adminToken);
        this.leagues = new LeagueController(store, tracks, files);
        this.heats = new HeatController(new HeatStore(db), leagues, files);
        leagues.heats(heats);
        this.racers = new RacerController(store, new RateLimiter(Math.max(20, config.uploadsPerMinute())));
        this.submissions = new SubmissionController(store, new UploadService(config, files, store, evaluator), leagues,
                files);
    }

    /** Opens the database, creates the start-up league, starts the workers and the HTTP server. */
    public static LeagueServer start(LeagueConfig config) throws Exception {
        TrackLibrary tracks = TrackLibrary.standard();
        return start(config, tracks, new TimeTrialRaceRunner(tracks));
    }

    public static LeagueServer start(LeagueConfig config, TrackLibrary tracks, RaceRunner runner) throws Exception {
        LeagueServer s = new LeagueServer(config, tracks, runner);
        try {
            s.startUp();
            return s;
        } catch (Exception e) {
            s.close();
            throw e;
        }
    }

    private void startUp() throws Exception {
        LeagueConfig.LeagueSpec spec = config.defaultLeague();
        if (spec != null) {
            try {
                tracks.get(spec.rules().trackId());
            } catch (TrackException e) {
                throw new IllegalArgumentException("the default league: " + e.getMessage(), e);
            }
            store.putLeague(spec.id(), spec.name(), spec.rules(), true);
        }
        int requeued = store.requeueRunning();
        if (requeued > 0) {
            LOG.info("league: {} submission(s) were running when the server stopped; queued again", requeued);
        }
        evaluator.start();
        app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.jsonMapper(new JavalinJackson(Wire.mapper(), false));
            c.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                sf.directory = "/dev/racer/league/web";
                sf.location = Location.CLASSPATH;
                sf.headers = SECURITY_HEADERS;
            });
            c.http.maxRequestSize = 1 << 20;
        });
        routes(app);
        app.start(config.host(), config.port());
        LOG.info("league: serving on http://{}:{}/ ({} workers, {})", config.host(), port(), config.workers(),
                Database.redact(config.effectiveDbUrl()));
    }

    public int port() {
        return app.port();
    }

    public String url() {
        String h = config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host();
        return "http://" + h + ":" + port();
    }

    public Store store() {
        return store;
    }

    public String adminToken() {
        return adminToken;
    }

    /** Submissions raced by this server since it started. */
    public long raced() {
        return evaluator.raced();
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
        evaluator.close();
        db.close();
    }

    // ------------------------------------------------------------------ routes

    private void routes(Javalin a) {
        a.beforeMatched(access::check);
        a.after("/api/*", ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Cache-Control", "no-store");
        });
        a.exception(ApiException.class, (e, ctx) -> {
            ctx.attribute("api-error", true);
            if (e.retryAfterSeconds() > 0) {
                ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
            }
            ctx.status(e.status()).json(new LeagueApi.ErrorReply(e.getMessage(), e.field()));
        });
        a.exception(Exception.class, (e, ctx) -> {
            LOG.warn("league: {} {} failed", ctx.method(), ctx.path(), e);
            ctx.attribute("api-error", true);
            ctx.status(500).json(new LeagueApi.ErrorReply("internal error: " + e.getClass().getSimpleName(), null));
        });
        a.error(404, ctx -> {
            if (ctx.attribute("api-error") == null && ctx.path().startsWith("/api")) {
                ctx.json(new LeagueApi.ErrorReply("no such endpoint: " + ctx.method() + " " + ctx.path(), null));
            }
        });
        a.get("/api/health", leagues::health, Role.ANYONE);
        a.get("/api/leagues", leagues::list, Role.ANYONE);
        a.post("/api/leagues", leagues::create, Role.ADMIN);
        a.get("/api/leagues/{league}", leagues::get, Role.ANYONE);
        a.get("/api/leagues/{league}/track", leagues::track, Role.ANYONE);
        a.get("/api/leagues/{league}/leaderboard", leagues::leaderboard, Role.ANYONE);
        a.get("/api/leagues/{league}/leaderboard/{racer}/replay", leagues::replay, Role.ANYONE);
        a.get("/api/leagues/{league}/heats", heats::list, Role.ANYONE);
        a.get("/api/leagues/{league}/heats/{heat}/replay", heats::replay, Role.ANYONE);
        a.post("/api/leagues/{league}/submissions", submissions::submit, Role.RACER);
        a.post("/api/racers", racers::register, Role.ANYONE);
        a.get("/api/me", racers::me, Role.RACER);
        a.get("/api/submissions", submissions::list, Role.RACER);
        a.get("/api/submissions/{id}", submissions::get, Role.RACER);
        a.get("/api/submissions/{id}/trace", submissions::trace, Role.RACER);
    }
}
