package dev.racer.league;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.racer.track.Track;
import dev.racer.track.TrackException;
import dev.racer.track.TrackLibrary;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The league server: the HTTP API, the web page and the evaluation workers over one database. See the README's
 * "The league" for the API.
 */
public final class LeagueServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeagueServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The page runs only its own script and loads nothing from elsewhere, whatever a user string holds. */
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
                    + " frame-ancestors 'none'; form-action 'none'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-cache");
    private static final Set<String> ZIP_TYPES = Set.of("application/zip", "application/x-zip-compressed",
            "application/octet-stream");

    private final LeagueConfig config;
    private final TrackLibrary tracks;
    private final Database db;
    private final Store store;
    private final Evaluator evaluator;
    private final RateLimiter uploads;
    private final RateLimiter registrations;
    private final Path modelsDir;
    private final Path tracesDir;
    private final Path tmpDir;
    private final String adminToken;
    private Javalin app;

    private LeagueServer(LeagueConfig config, TrackLibrary tracks, RaceRunner runner) throws IOException {
        this.config = config;
        this.tracks = tracks;
        Path data = config.dataDir().toAbsolutePath();
        this.modelsDir = Files.createDirectories(data.resolve("models"));
        this.tracesDir = Files.createDirectories(data.resolve("traces"));
        this.tmpDir = Files.createDirectories(data.resolve("tmp"));
        cleanTmp();
        this.adminToken = config.adminToken() != null ? config.adminToken() : adminToken(data.resolve("admin-token"));
        this.db = Database.open(config.effectiveDbUrl(), config.workers() + 8);
        this.store = new Store(db);
        this.evaluator = new Evaluator(store, runner, modelsDir, tracesDir, tmpDir, config.workers(), config.leaseMs());
        this.uploads = new RateLimiter(config.uploadsPerMinute());
        this.registrations = new RateLimiter(Math.max(20, config.uploadsPerMinute()));
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
            checkTrack(spec.rules().trackId());
            store.putLeague(spec.id(), spec.name(), spec.rules(), true);
        }
        int requeued = store.requeueRunning();
        if (requeued > 0) {
            LOG.info("league: {} submission(s) were running when the server stopped; queued again", requeued);
        }
        evaluator.start();
        app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.jsonMapper(new JavalinJackson(JSON, false));
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
        a.after("/api/*", ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Cache-Control", "no-store");
        });
        a.exception(ApiException.class, (e, ctx) -> {
            ctx.attribute("api-error", true);
            ctx.status(e.status()).json(Map.of("error", e.getMessage()));
        });
        a.exception(Exception.class, (e, ctx) -> {
            LOG.warn("league: {} {} failed", ctx.method(), ctx.path(), e);
            ctx.attribute("api-error", true);
            ctx.status(500).json(Map.of("error", "internal error: " + e.getClass().getSimpleName()));
        });
        a.error(404, ctx -> {
            if (ctx.attribute("api-error") == null && ctx.path().startsWith("/api")) {
                ctx.json(Map.of("error", "no such endpoint: " + ctx.method() + " " + ctx.path()));
            }
        });
        a.get("/api/health", ctx -> ctx.json(Map.of("status", "ok", "submissions", store.counts())));
        a.get("/api/leagues", ctx -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Store.League l : store.leagues()) {
                out.add(leagueJson(l));
            }
            ctx.json(Map.of("leagues", out));
        });
        a.post("/api/leagues", this::createLeague);
        a.get("/api/leagues/{league}", ctx -> ctx.json(leagueJson(league(ctx))));
        a.get("/api/leagues/{league}/track", ctx -> ctx.json(trackJson(league(ctx))));
        a.get("/api/leagues/{league}/leaderboard", this::leaderboard);
        a.get("/api/leagues/{league}/leaderboard/{racer}/replay", this::replay);
        a.post("/api/leagues/{league}/submissions", this::submit);
        a.post("/api/racers", this::register);
        a.get("/api/me", ctx -> {
            Store.Racer r = racer(ctx);
            ctx.json(Map.of("id", r.id(), "name", r.name()));
        });
        a.get("/api/submissions", ctx -> {
            Store.Racer r = racer(ctx);
            List<Map<String, Object>> out = new ArrayList<>();
            for (Store.Submission s : store.submissionsOf(r.id(), 200)) {
                out.add(submissionJson(s));
            }
            ctx.json(Map.of("submissions", out));
        });
        a.get("/api/submissions/{id}", ctx -> ctx.json(submissionJson(ownSubmission(ctx))));
        a.get("/api/submissions/{id}/trace", ctx -> {
            Store.Submission s = ownSubmission(ctx);
            if (s.traceFile() == null) {
                throw ApiException.notFound("submission " + s.id() + " has no trace yet (status " + s.status() + ")");
            }
            ctx.contentType("text/csv; charset=utf-8");
            ctx.header("Content-Disposition", "attachment; filename=\"" + s.id() + ".csv\"");
            ctx.result(Files.newInputStream(tracesDir.resolve(s.traceFile())));
        });
    }

    private void register(Context ctx) throws SQLException {
        long wait = registrations.acquire(ctx.ip());
        if (wait > 0) {
            ctx.header("Retry-After", String.valueOf(wait));
            throw ApiException.tooMany("too many registrations from your address; try again in " + wait + " s");
        }
        JsonNode body = jsonBody(ctx);
        String name = userString(body, "name", 1, 40);
        var created = store.createRacer(name);
        if (created.isEmpty()) {
            throw ApiException.conflict("the racer name \"" + name + "\" is taken");
        }
        ctx.status(201).json(Map.of("id", created.get().getKey().id(), "name", name, "token", created.get().getValue(),
                "note", "keep the token: it is shown only once"));
    }

    private void createLeague(Context ctx) throws SQLException {
        String auth = bearer(ctx);
        if (auth == null || !MessageDigest.isEqual(auth.getBytes(), adminToken.getBytes())) {
            throw ApiException.unauthorized("creating a league needs the server's admin token (Authorization: Bearer ...)");
        }
        JsonNode b = jsonBody(ctx);
        String id = b.path("id").asText("");
        if (!TrackLibrary.isSafeId(id)) {
            throw ApiException.badRequest("field \"id\" must be a league id: letters, digits, _ . - (up to 64)");
        }
        LeagueRules rules;
        try {
            LeagueRules d = LeagueRules.DEFAULT;
            rules = new LeagueRules(b.path("track").asText(d.trackId()), b.path("laps").asInt(d.laps()),
                    Math.round(b.path("offtrack_penalty").asDouble(d.offtrackPenaltyMs() / 1000.0) * 1000),
                    b.path("max_resets").asInt(d.maxResets()),
                    b.has("ranking") ? dev.racer.race.RankingRule.parse(b.get("ranking").asText()) : d.ranking(),
                    b.path("time_limit").asInt(d.timeLimitSeconds()));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        checkTrack(rules.trackId());
        String name = b.has("name") ? userString(b, "name", 1, 100) : id;
        boolean replace = b.path("replace").asBoolean(false);
        if (!store.putLeague(id, name, rules, replace)) {
            throw ApiException.conflict("league \"" + id + "\" exists (send \"replace\": true to change its rules)");
        }
        ctx.status(201).json(leagueJson(store.getLeague(id).orElseThrow()));
    }

    private void checkTrack(String id) {
        try {
            tracks.get(id);
        } catch (TrackException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private void submit(Context ctx) throws Exception {
        Store.Racer racer = racer(ctx);
        Store.League league = league(ctx);
        long wait = uploads.acquire(racer.id());
        if (wait > 0) {
            ctx.header("Retry-After", String.valueOf(wait));
            throw ApiException.tooMany("too many uploads: at most " + config.uploadsPerMinute()
                    + " a minute per racer; try again in " + wait + " s");
        }
        int[] rp = store.recentAndPending(racer.id(), 0);
        if (rp[1] >= config.maxPending()) {
            throw ApiException.tooMany("you have " + rp[1] + " submissions waiting or racing (at most "
                    + config.maxPending() + "); wait for them to finish");
        }
        String model = ctx.queryParam("name");
        if (model == null || model.isBlank()) {
            model = "model";
        }
        model = checkUserString(model, "name", 1, 64);
        String type = ctx.contentType() == null ? "" : ctx.contentType().split(";")[0].trim().toLowerCase();
        if (!ZIP_TYPES.contains(type)) {
            throw ApiException.unsupported("send the model folder as a zip archive (Content-Type: application/zip),"
                    + " got \"" + ModelArchive.printable(type) + "\"");
        }
        long max = config.limits().maxUploadBytes();
        long declared = ctx.req().getContentLengthLong();
        if (declared > max) {
            throw ApiException.tooLarge("the upload is " + declared + " bytes; the limit is " + max);
        }
        String id = "s" + Tokens.randomId(10);
        Path zip = tmpDir.resolve(id + ".zip");
        Path staged = tmpDir.resolve(id);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long n = 0;
            try (InputStream in = ctx.req().getInputStream();
                 OutputStream out = Files.newOutputStream(zip, StandardOpenOption.CREATE_NEW)) {
                byte[] buf = new byte[64 << 10];
                for (int r; (r = in.read(buf)) > 0; ) {
                    n += r;
                    if (n > max) {
                        throw ApiException.tooLarge("the upload is larger than the limit of " + max + " bytes");
                    }
                    sha.update(buf, 0, r);
                    out.write(buf, 0, r);
                }
            }
            if (n == 0) {
                throw ApiException.badRequest("the upload is empty: send the model's zip archive as the request body");
            }
            ModelArchive.unpack(zip, staged, config.limits());
            fsyncTree(staged);
            Path dest = modelsDir.resolve(id);
            Files.move(staged, dest, StandardCopyOption.ATOMIC_MOVE);
            fsync(modelsDir);
            try {
                store.insertSubmission(id, league.id(), racer.id(), model, HexFormat.of().formatHex(sha.digest()), n);
            } catch (SQLException e) {
                ModelArchive.deleteTree(dest);
                throw e;
            }
        } finally {
            Files.deleteIfExists(zip);
            ModelArchive.deleteTree(staged);
        }
        Map<String, Object> accepted = submissionJson(store.getSubmission(id).orElseThrow());
        evaluator.wakeUp();
        LOG.info("league: racer {} submitted {} to {} as {}", racer.id(), ModelArchive.printable(model), league.id(), id);
        ctx.status(202).json(accepted);
    }

    private void leaderboard(Context ctx) throws SQLException {
        Store.League l = league(ctx);
        int limit = 100;
        String q = ctx.queryParam("limit");
        if (q != null) {
            try {
                limit = Math.max(1, Math.min(1000, Integer.parseInt(q)));
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("limit must be a whole number");
            }
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Store.BoardEntry e : store.leaderboard(l.id(), limit)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rank", e.rank());
            m.put("racer_id", e.racerId());
            m.put("racer", e.racerName());
            m.put("model", e.modelName());
            m.put("score_ms", e.scoreMs());
            m.put("best_lap_ms", e.bestLapMs());
            m.put("avg_lap_ms", e.avgLapMs());
            m.put("total_ms", e.totalMs());
            m.put("offtracks", e.offtracks());
            m.put("lap_times_ms", e.laps().stream().filter(RaceOutcome.Lap::completed).map(RaceOutcome.Lap::timeMs).toList());
            m.put("finished_at", e.finishedAt());
            m.put("submissions", e.submissions());
            entries.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("league", leagueJson(l));
        out.put("entries", entries);
        out.put("queue", store.counts());
        ctx.header("Cache-Control", "no-store");
        ctx.json(out);
    }

    private void replay(Context ctx) throws Exception {
        Store.League l = league(ctx);
        String racerId = ctx.pathParam("racer");
        if (!racerId.matches("[0-9a-f]{1,64}")) {
            throw ApiException.notFound("no such racer");
        }
        Optional<String> trace = store.bestTrace(l.id(), racerId);
        if (trace.isEmpty()) {
            throw ApiException.notFound("that racer has no ranked race in league " + l.id());
        }
        ctx.json(Replay.of(tracesDir.resolve(trace.get()), 4000));
    }

    // ------------------------------------------------------------------ helpers

    private Store.League league(Context ctx) throws SQLException {
        String id = ctx.pathParam("league");
        if (!TrackLibrary.isSafeId(id)) {
            throw ApiException.notFound("no such league");
        }
        return store.getLeague(id).orElseThrow(() -> ApiException.notFound("no league \"" + id + "\""));
    }

    private static String bearer(Context ctx) {
        String h = ctx.header("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return h.substring(7).trim();
    }

    private Store.Racer racer(Context ctx) throws SQLException {
        String token = bearer(ctx);
        if (token == null) {
            throw ApiException.unauthorized("this needs your racer token: Authorization: Bearer <token>");
        }
        return store.authenticate(token).orElseThrow(() -> ApiException.unauthorized("the racer token is not valid"));
    }

    private Store.Submission ownSubmission(Context ctx) throws SQLException {
        Store.Racer r = racer(ctx);
        String id = ctx.pathParam("id");
        if (!id.matches("s[0-9a-f]{1,64}")) {
            throw ApiException.notFound("no such submission");
        }
        Store.Submission s = store.getSubmission(id).orElseThrow(() -> ApiException.notFound("no submission " + id));
        if (!s.racerId().equals(r.id())) {
            throw ApiException.forbidden("submission " + id + " belongs to another racer");
        }
        return s;
    }

    private static JsonNode jsonBody(Context ctx) {
        String body = ctx.body();
        if (body.length() > 64 << 10) {
            throw ApiException.tooLarge("the request body is too large");
        }
        try {
            JsonNode n = JSON.readTree(body);
            if (n == null || !n.isObject()) {
                throw ApiException.badRequest("the request body must be a JSON object");
            }
            return n;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw ApiException.badRequest("the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String userString(JsonNode b, String field, int min, int max) {
        JsonNode v = b.get(field);
        if (v == null || !v.isTextual()) {
            throw ApiException.badRequest("field \"" + field + "\" must be a string");
        }
        return checkUserString(v.asText(), field, min, max);
    }

    /** Any printable text (it is escaped wherever it is shown), trimmed, within length limits. */
    private static String checkUserString(String s, String field, int min, int max) {
        String t = s.strip();
        if (t.length() < min || t.length() > max) {
            throw ApiException.badRequest("\"" + field + "\" must be " + min + " to " + max + " characters");
        }
        if (t.codePoints().anyMatch(cp -> Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                || Character.getType(cp) == Character.SURROGATE || Character.getType(cp) == Character.UNASSIGNED)) {
            throw ApiException.badRequest("\"" + field + "\" must not hold control or format characters");
        }
        return t;
    }

    static Map<String, Object> leagueJson(Store.League l) {
        LeagueRules r = l.rules();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("name", l.name());
        m.put("track", r.trackId());
        m.put("laps", r.laps());
        m.put("offtrack_penalty", r.offtrackPenaltyMs() / 1000.0);
        m.put("max_resets", r.maxResets());
        m.put("ranking", r.ranking().key());
        m.put("time_limit", r.timeLimitSeconds());
        return m;
    }

    private Map<String, Object> trackJson(Store.League l) {
        Track t;
        try {
            t = tracks.get(l.rules().trackId());
        } catch (TrackException e) {
            throw ApiException.notFound(e.getMessage());
        }
        List<double[]> center = new ArrayList<>(), inner = new ArrayList<>(), outer = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            center.add(new double[] {t.centerX(i), t.centerY(i)});
            inner.add(new double[] {t.innerX(i), t.innerY(i)});
            outer.add(new double[] {t.outerX(i), t.outerY(i)});
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("name", t.name());
        m.put("center", center);
        m.put("inner", inner);
        m.put("outer", outer);
        return m;
    }

    static Map<String, Object> submissionJson(Store.Submission s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("league", s.leagueId());
        m.put("racer_id", s.racerId());
        m.put("racer", s.racerName());
        m.put("model", s.modelName());
        m.put("status", s.status());
        m.put("attempts", s.attempts());
        m.put("created_at", s.createdAt());
        m.put("started_at", s.startedAt());
        m.put("finished_at", s.finishedAt());
        m.put("sha256", s.archiveSha256());
        if (s.error() != null) {
            m.put("error", s.error());
        }
        if (s.status().equals("done")) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("completed", s.completed());
            r.put("end_reason", s.endReason());
            r.put("score_ms", s.scoreMs());
            r.put("best_lap_ms", s.bestLapMs());
            r.put("avg_lap_ms", s.avgLapMs());
            r.put("total_ms", s.totalMs());
            r.put("laps_completed", s.lapsDone());
            r.put("offtracks", s.offtracks());
            r.put("resets", s.resets());
            r.put("laps", s.laps());
            m.put("result", r);
        }
        return m;
    }

    private void cleanTmp() throws IOException {
        try (var s = Files.list(tmpDir)) {
            s.forEach(ModelArchive::deleteTree);
        }
    }

    private static String adminToken(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            String t = Files.readString(file).strip();
            if (!t.isEmpty()) {
                return t;
            }
        }
        String t = "adm_" + Tokens.randomId(32);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, t + "\n");
        try {
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return t;
    }

    private static void fsyncTree(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            for (Path p : s.toList()) {
                fsync(p);
            }
        }
        fsync(dir);
    }

    private static void fsync(Path p) {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // directories cannot be opened for sync on every platform; the data files were
        }
    }
}
