package dev.racer.trainer.ppo;

import dev.racer.race.EpisodeStatus;
import dev.racer.race.RaceSession;
import dev.racer.race.TrialObserver;
import dev.racer.race.TrialRow;
import dev.racer.trainer.Evaluation;
import java.util.ArrayList;
import java.util.SplittableRandom;

/**
 * One greedy evaluation lap on a {@link RaceSession}, traced, a row at a time ({@link Evaluation#start},
 * {@link Evaluation#step}, {@link Evaluation#lap}): alone ({@link ClippedPpo#evaluationEpisode}) or side by side
 * with others ({@link Lockstep}). One instance per session, reused.
 */
final class EvaluationRun implements TrialObserver {
    private final RaceSession session;
    private ClippedPpo.Episode ep;
    private int row;
    private EpisodeStatus last;

    EvaluationRun(RaceSession session) {
        this.session = session;
    }

    RaceSession session() {
        return session;
    }

    /** Starts the lap from {@code row}; its reset seed is drawn from {@code episodeSeed}. */
    void start(long episodeSeed, int row) {
        this.row = row;
        ep = new ClippedPpo.Episode();
        ep.trace = new ArrayList<>();
        last = EpisodeStatus.PREPARE;
        Evaluation.start(session, new SplittableRandom(episodeSeed).nextLong(), row, this);
    }

    /** The next row; returns whether the lap has ended (then {@link #finish}). */
    boolean step() {
        last = Evaluation.step(session, this);
        return session.isFinished();
    }

    /** The finished lap as an episode. */
    ClippedPpo.Episode finish() {
        ClippedPpo.Episode done = ep;
        Evaluation.Lap lap = Evaluation.lap(session, row, last);
        done.lap = lap;
        done.steps = lap.steps();
        done.progress = lap.progress();
        done.status = lap.status();
        done.startRow = row;
        ep = null;
        return done;
    }

    @Override
    public void onStart(TrialRow r) {
        ep.trace.add(new ClippedPpo.TraceStep(r.params().copy(), -1, 0, false, EpisodeStatus.PREPARE, r.speed(),
                r.time()));
        ep.boxes = ClippedPpo.boxes(r.env().objects());
    }

    @Override
    public void onRow(TrialRow r) {
        ep.totalReward += r.reward();
        ep.trace.add(new ClippedPpo.TraceStep(r.params().copy(), r.action(), r.reward(), session.isFinished(),
                r.status(), r.speed(), r.time()));
    }
}
