package dev.racer.multi;

import dev.racer.race.EpisodeStatus;
import dev.racer.trace.SimTraceWriter;

/**
 * One racing car's record of a {@link HeadToModel} race: its laps and lap times, and its sim-trace rows when
 * it has a writer. The race calls {@link #start} once, then {@link #afterStep} after every step of the race.
 *
 * <p>The trace has DeepRacer's layout as a time trial writes it ({@link SimTraceWriter}): a {@code prepare} row
 * at the start, then one row per step of the race until the car finishes (so that row {@code k} of every car's
 * trace is the same instant, which a multi-car replay relies on), one episode per lap. A step in which the car
 * did not drive (frozen for a penalty, or put back) is a {@code pause} row with the penalty time left; the step
 * that sent it off or into another car is an {@code off_track} or {@code crashed} row with the whole penalty.
 * {@code progress} is the lap's share [%] of the centre line covered since the car last crossed the start line;
 * on the first lap a car that starts behind the line reports 0 until it crosses it. Allocates nothing per step
 * beyond the writer's own buffering.
 */
final class CarLog {
    private final MultiCarRace race;
    private final MultiCarView view;
    private final int car;
    private final int laps;
    private final double lapLength;
    private final SimTraceWriter writer; // null: no trace
    private final double[] lapTimes;
    private int lapsDone;
    private double lapStart;
    private int lapRow;
    private int offTracks, crashes;
    private double pauseLeft;
    private boolean done;
    private boolean acted;
    private int action = -1;

    CarLog(MultiCarRace race, MultiCarView view, SimTraceWriter writer) {
        this.race = race;
        this.view = view;
        this.car = view.car();
        this.laps = race.rules().laps();
        this.lapLength = race.world().geometry().length();
        this.writer = writer;
        this.lapTimes = new double[laps];
    }

    /** After {@link MultiCarRace#start}: the car's params at its grid position and the trace's prepare row. */
    void start(long seed) {
        view.reset(seed);
        view.update(progress(), 0);
        lapsDone = 0;
        lapStart = 0;
        lapRow = 0;
        offTracks = 0;
        crashes = 0;
        pauseLeft = 0;
        done = false;
        acted = false;
        action = -1;
        if (writer != null) {
            writer.prepare(0, view.params(), 0);
        }
    }

    /** The car's progress on the lap under way [%], 0..100. */
    double progress() {
        double p = 100 * (race.world().distance(car) - lapsDone * lapLength) / lapLength;
        return Math.max(0, Math.min(100, p));
    }

    /** The car's driver acted in this step ({@code action}: the discrete action index or -1). */
    void acted(int action) {
        this.acted = true;
        this.action = action;
    }

    /** Records the step the race just took. */
    void afterStep() {
        if (done) {
            return;
        }
        double clock = race.clock();
        boolean drove = acted;
        acted = false;
        if (!drove) {
            view.idle();
        }
        double progress = progress();
        view.update(progress, clock);
        int episode = lapsDone;
        boolean finished = race.finished(car);
        boolean lapComplete = finished
                || lapsDone + 1 < laps && race.world().distance(car) >= (lapsDone + 1) * lapLength;
        if (lapComplete) {
            lapTimes[lapsDone] = clock - lapStart;
            lapsDone++;
            lapStart = clock;
        }
        EpisodeStatus status;
        double pause = 0;
        if (finished) {
            status = EpisodeStatus.LAP_COMPLETE;
            done = true;
        } else if (race.offTracks(car) > offTracks) {
            status = EpisodeStatus.OFF_TRACK;
            pauseLeft = pause = race.rules().offTrackPenalty();
        } else if (race.crashes(car) > crashes) {
            status = EpisodeStatus.CRASHED;
            pauseLeft = pause = race.rules().collisionPenalty();
        } else if (!drove) {
            status = EpisodeStatus.PAUSE;
            pauseLeft = pause = Math.max(0, pauseLeft - race.rules().dt());
        } else if (lapComplete) {
            status = EpisodeStatus.LAP_COMPLETE;
        } else if (race.isOver()) {
            status = EpisodeStatus.TIME_UP;
        } else {
            status = EpisodeStatus.IN_PROGRESS;
        }
        offTracks = race.offTracks(car);
        crashes = race.crashes(car);
        if (race.isOver()) {
            done = true;
        }
        if (writer != null) {
            writer.row(episode, ++lapRow, view.params(), drove ? view.steeringCommand() : 0,
                    drove ? view.speedCommand() : 0, drove ? action : -1, 0, lapComplete || done, status, clock,
                    pause, view.carSpeed(), episode + 1);
        }
        if (lapComplete) {
            lapRow = 0;
        }
    }

    /** Laps completed so far. */
    int lapsDone() {
        return lapsDone;
    }

    /** Time of lap {@code i} (from 0) [s], penalties included; the first lap's includes the metres from the grid. */
    double lapTime(int i) {
        return lapTimes[i];
    }

    SimTraceWriter writer() {
        return writer;
    }
}
