package dev.racer.league;

import dev.racer.league.api.LeagueApi;
import dev.racer.race.RaceType;
import dev.racer.trace.SimTraceReader;
import dev.racer.trace.SimTraceRow;
import io.javalin.http.Context;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A head-to-model league's standings, heats and heat replays (public). */
final class HeatController {
    /** points per car in a heat replay, at most about */
    static final int REPLAY_POINTS = 3000;

    private final HeatStore heats;
    private final LeagueController leagues;
    private final LeagueFiles files;

    HeatController(HeatStore heats, LeagueController leagues, LeagueFiles files) {
        this.heats = heats;
        this.leagues = leagues;
        this.files = files;
    }

    /** The standings of a head-to-model league, or null for other race types. */
    List<LeagueApi.Standing> standings(Store.League l, int limit) throws SQLException {
        if (l.rules().raceType() != RaceType.HEAD_TO_MODEL) {
            return null;
        }
        return heats.standings(l.id(), limit).stream().map(s -> new LeagueApi.Standing(s.rank(), s.racerId(),
                s.racerName(), s.modelName(), s.submissionId(), Math.round(s.rating() * 10) / 10.0, s.heats(), s.wins(),
                s.bestFinishMs())).toList();
    }

    void list(Context ctx) throws SQLException {
        Store.League l = leagues.league(ctx);
        int limit = Binding.queryInt(ctx, "limit", 50, 1, 500);
        ctx.json(new LeagueApi.HeatList(heats.heats(l.id(), limit).stream().map(HeatController::heat).toList()));
    }

    void replay(Context ctx) throws SQLException {
        Store.League l = leagues.league(ctx);
        String id = ctx.pathParam("heat");
        if (!id.matches("[0-9A-Za-z_-]{1,64}")) {
            throw ApiException.notFound("no such heat");
        }
        HeatStore.StoredHeat h = heats.heat(l.id(), id)
                .orElseThrow(() -> ApiException.notFound("no heat \"" + id + "\" in league " + l.id()));
        Path dir = files.traces().resolve(Evaluator.HEAT_TRACES).resolve(h.id());
        List<LeagueApi.HeatReplayCar> cars = new ArrayList<>();
        for (HeatStore.StoredCar c : h.cars()) {
            String file = c.car().traceFile();
            Path trace = file == null ? null : dir.resolve(file);
            List<double[]> points = trace != null && Files.isRegularFile(trace) ? points(trace, REPLAY_POINTS) : List.of();
            cars.add(new LeagueApi.HeatReplayCar(c.car().submissionId(), c.racerName(), c.modelName(), c.car().place(),
                    points));
        }
        ctx.json(new LeagueApi.HeatReplay(heat(h), cars));
    }

    static LeagueApi.Heat heat(HeatStore.StoredHeat h) {
        List<LeagueApi.HeatCar> cars = h.cars().stream().map(c -> new LeagueApi.HeatCar(c.car().place(),
                c.car().grid(), c.car().submissionId(), c.racerId(), c.racerName(), c.modelName(), c.car().finished(),
                c.car().timeMs(), c.car().laps(), c.car().crashes(), c.car().offtracks(),
                Math.round(c.ratingBefore() * 10) / 10.0, Math.round(c.ratingAfter() * 10) / 10.0)).toList();
        List<String> notRaced = h.notRaced() == null ? List.of() : Arrays.asList(h.notRaced().split(","));
        return new LeagueApi.Heat(h.id(), h.submissionId(), h.seed(), h.laps(), h.raceTimeMs(), h.createdAt(), cars,
                notRaced);
    }

    /** A car's driving rows ({@code [x, y, speed, t]}, penalty pauses left out), thinned to about {@code max}. */
    static List<double[]> points(Path trace, int max) {
        List<SimTraceRow> rows = SimTraceReader.read(trace).rows();
        int stride = Math.max(1, (rows.size() + max - 1) / Math.max(1, max));
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            SimTraceRow r = rows.get(i);
            if ("pause".equals(r.episodeStatus()) || (i % stride != 0 && i != rows.size() - 1)) {
                continue;
            }
            double speed = Double.isNaN(r.speed()) ? r.throttle() : r.speed();
            out.add(new double[] {r.x(), r.y(), speed, r.tstamp()});
        }
        return out;
    }
}
