package dev.racer.league;

import dev.racer.league.api.LeagueApi;
import dev.racer.track.Track;
import dev.racer.track.TrackException;
import dev.racer.track.TrackLibrary;
import dev.racer.world.WorldObjects;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Leagues, their tracks, leaderboards and replays (public), and creating a league (admin). */
final class LeagueController {
    private final Store store;
    private final TrackLibrary tracks;
    private final LeagueFiles files;
    /** a head-to-model league's standings; set once by the server */
    private HeatController heats;

    void heats(HeatController h) {
        this.heats = h;
    }

    LeagueController(Store store, TrackLibrary tracks, LeagueFiles files) {
        this.store = store;
        this.tracks = tracks;
        this.files = files;
    }

    void health(Context ctx) throws SQLException {
        ctx.json(new LeagueApi.Health("ok", store.counts()));
    }

    void list(Context ctx) throws SQLException {
        ctx.json(new LeagueApi.LeagueList(store.leagues().stream().map(Views::league).toList()));
    }

    void get(Context ctx) throws SQLException {
        ctx.json(Views.league(league(ctx)));
    }

    void create(Context ctx) throws SQLException {
        LeagueApi.CreateLeague b = Binding.body(ctx, LeagueApi.CreateLeague.class);
        String id = b.id() == null ? "" : b.id();
        if (!TrackLibrary.isSafeId(id)) {
            throw ApiException.badField("id", "field \"id\" must be a league id: letters, digits, _ . - (up to 64)");
        }
        LeagueRules rules = RuleRequest.rules(b, tracks);
        String name = b.name() != null ? Binding.userString(b.name(), "name", 1, 100) : id;
        if (!store.putLeague(id, name, rules, Boolean.TRUE.equals(b.replace()))) {
            throw ApiException.conflict("league \"" + id + "\" exists (send \"replace\": true to change its rules)");
        }
        ctx.status(201).json(Views.league(store.getLeague(id).orElseThrow()));
    }

    void track(Context ctx) throws SQLException {
        Store.League l = league(ctx);
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
        ctx.json(new LeagueApi.TrackShape(t.id(), t.name(), center, inner, outer));
    }

    void leaderboard(Context ctx) throws SQLException {
        Store.League l = league(ctx);
        int limit = Binding.queryInt(ctx, "limit", 100, 1, 1000);
        // a head-to-model league ranks by rating (its standings), not by the entries' own finish times
        List<LeagueApi.BoardEntry> entries = l.rules().raceType() == dev.racer.race.RaceType.HEAD_TO_MODEL ? List.of()
                : store.leaderboard(l.id(), limit).stream().map(Views::boardEntry).toList();
        ctx.json(new LeagueApi.Leaderboard(Views.league(l), entries, store.counts(),
                heats == null ? null : heats.standings(l, limit)));
    }

    void replay(Context ctx) throws SQLException {
        Store.League l = league(ctx);
        String racerId = ctx.pathParam("racer");
        if (!racerId.matches("[0-9a-f]{1,64}")) {
            throw ApiException.notFound("no such racer");
        }
        Optional<String> trace = store.bestTrace(l.id(), racerId);
        if (trace.isEmpty()) {
            throw ApiException.notFound("that racer has no ranked race in league " + l.id());
        }
        WorldObjects objects;
        try {
            objects = TimeTrialRaceRunner.objects(tracks.get(l.rules().trackId()), l.rules());
        } catch (IllegalArgumentException | TrackException e) { // a race type not raced yet, or a track gone
            objects = WorldObjects.EMPTY;
        }
        ctx.json(Replay.of(files.traces().resolve(trace.get()), 4000, objects));
    }

    /** The league the path names. */
    Store.League league(Context ctx) throws SQLException {
        String id = ctx.pathParam("league");
        if (!TrackLibrary.isSafeId(id)) {
            throw ApiException.notFound("no such league");
        }
        return store.getLeague(id).orElseThrow(() -> ApiException.notFound("no league \"" + id + "\""));
    }

    static void checkTrack(TrackLibrary tracks, String id) {
        try {
            tracks.get(id);
        } catch (TrackException e) {
            throw ApiException.badField("track", e.getMessage());
        }
    }
}
