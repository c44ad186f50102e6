package dev.racer.league;

import dev.racer.league.api.LeagueApi;
import dev.racer.league.api.SubmissionStatus;
import dev.racer.world.ObjectConfig;
import java.util.List;

/** The API's records from the store's. */
final class Views {
    private Views() {
    }

    static LeagueApi.LeagueInfo league(Store.League l) {
        LeagueRules r = l.rules();
        List<String> positions = r.objects().positions().stream().map(ObjectConfig.Position::text).toList();
        return new LeagueApi.LeagueInfo(l.id(), l.name(), r.trackId(), r.laps(), r.offtrackPenaltyMs() / 1000.0,
                r.maxResets(), r.ranking().key(), r.timeLimitSeconds(), r.raceType().name(), r.objects().objects(),
                r.objects().randomize(), positions, r.collisionPenaltyMs() / 1000.0, r.bots().count(),
                r.bots().speed(), r.bots().laneChange(), r.heatSize());
    }

    static LeagueApi.Submission submission(Store.Submission s) {
        LeagueApi.Result result = null;
        if (s.status() == SubmissionStatus.DONE) {
            result = new LeagueApi.Result(Boolean.TRUE.equals(s.completed()), s.endReason(), s.scoreMs(),
                    s.bestLapMs(), s.avgLapMs(), s.totalMs(), s.lapsDone(), s.offtracks(), s.resets(), s.crashes(), laps(s.laps()));
        }
        return new LeagueApi.Submission(s.id(), s.leagueId(), s.racerId(), s.racerName(), s.modelName(), s.status(),
                s.attempts(), s.createdAt(), s.startedAt(), s.finishedAt(), s.archiveSha256(), s.error(), result);
    }

    static LeagueApi.BoardEntry boardEntry(Store.BoardEntry e) {
        return new LeagueApi.BoardEntry(e.rank(), e.racerId(), e.racerName(), e.modelName(), e.scoreMs(),
                e.bestLapMs(), e.avgLapMs(), e.totalMs(), e.offtracks(), e.crashes(),
                e.laps().stream().filter(RaceOutcome.Lap::completed).map(RaceOutcome.Lap::timeMs).toList(),
                e.finishedAt(), e.submissions());
    }

    private static List<LeagueApi.Lap> laps(List<RaceOutcome.Lap> laps) {
        return laps == null ? List.of() : laps.stream()
                .map(l -> new LeagueApi.Lap(l.lap(), l.timeMs(), l.offtracks(), l.completed(), l.progress(),
                        l.crashes())).toList();
    }
}
