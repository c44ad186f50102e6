package dev.racer.view;

import dev.racer.race.Driver;
import dev.racer.race.EnvConfig;
import dev.racer.race.EpisodeStatus;
import dev.racer.race.LapResult;
import dev.racer.race.RaceSession;
import dev.racer.race.RacingEnv;
import dev.racer.race.TimeTrialConfig;
import dev.racer.race.TrialRow;
import dev.racer.reward.RewardFunction;
import dev.racer.track.Track;

/**
 * A driver racing live under the rules {@code racer evaluate} and the league score ({@link RaceSession}): a
 * complete lap starts the next one, going off the track freezes the car for the off-track penalty (shown on
 * the HUD, the lap clock running) and then puts it back on the centre line, and the lap times include the
 * penalties. When a race ends (reversed, immobilised, time up, or all its laps done) the next one starts
 * with the next seed; the lap count, best lap and off-track count go on across races.
 */
public final class LiveSource extends Source {
    /** The viewer's default rules: the time trial's, with laps and clock enough to watch for as long as one likes. */
    public static final TimeTrialConfig RULES = TimeTrialConfig.DEFAULT.withLaps(1000).withTimeLimit(1e7);

    private final RaceSession session;
    private final Driver driver;
    private final RewardFunction reward;
    private final String label;
    private final ViewState state;
    private final CarState car;
    private long seed = 1;
    private int lapsBefore;      // laps completed in earlier races
    private int offTracksBefore; // off-tracks in earlier races

    public LiveSource(Track track, EnvConfig config, Driver driver, RewardFunction reward, String label) {
        this(track, config, RULES, driver, reward, label);
    }

    public LiveSource(Track track, EnvConfig config, TimeTrialConfig rules, Driver driver, RewardFunction reward,
                      String label) {
        this(track, config, rules, driver, reward, label, driver.name());
    }

    /** As the others, the car called {@code carName} on its label and in the HUD. */
    public LiveSource(Track track, EnvConfig config, TimeTrialConfig rules, Driver driver, RewardFunction reward,
                      String label, String carName) {
        this.state = ViewState.single(carName);
        this.car = state.car(0);
        this.driver = driver;
        this.reward = reward;
        this.label = label;
        // the race keeps its own clock, as a time trial does
        RacingEnv env = new RacingEnv(track, config.withMaxSteps(Integer.MAX_VALUE), reward, driver.newSensor());
        this.session = new RaceSession(env, rules, driver);
        session.start(seed++);
        show(session.row());
    }

    @Override
    public ViewState state() {
        return state;
    }

    @Override
    public String label() {
        return label;
    }

    public RacingEnv env() {
        return session.env();
    }

    /** The race being shown. */
    public RaceSession session() {
        return session;
    }

    @Override
    protected boolean stepOnce() {
        if (session.isFinished()) {
            for (LapResult l : session.laps()) {
                lapsBefore += l.completed() ? 1 : 0;
            }
            offTracksBefore += session.offTracks();
            session.start(seed++);
        }
        TrialRow row = session.step();
        state.step++;
        state.time = state.step * STEP;
        car.sinceCrash += STEP;
        if (row.status().isFailure()) {
            // off track while crashed is written off_track and handled as a crash, as the simapp does
            car.crashPenalty = row.params().isCrashed();
            if (car.crashPenalty) {
                car.crashes++;
                car.sinceCrash = 0;
            }
        }
        show(row);
        if (row.status() == EpisodeStatus.LAP_COMPLETE) {
            LapResult lap = session.laps().get(session.laps().size() - 1);
            double t = lap.timeMs() / 1000.0;
            car.bestLap = Double.isNaN(car.bestLap) ? t : Math.min(car.bestLap, t);
            car.lapTime = t;
        }
        return true;
    }

    /** The car where the row left it (frozen during a penalty), and the race's figures. */
    private void show(TrialRow row) {
        RacingEnv env = session.env();
        car.x = env.carX();
        car.y = env.carY();
        car.yaw = env.carYaw();
        car.steering = env.carSteering();
        car.speed = row.status() == EpisodeStatus.PAUSE ? 0 : env.carSpeed();
        car.progress = row.params().progress();
        car.reward = row.reward();
        car.lap = lapsBefore + session.lapNumber();
        car.lapTime = session.lapTime();
        car.offTrack = offTracksBefore + session.offTracks();
        car.penalty = car.crashPenalty ? session.rules().collisionPenalty() : session.rules().offTrackPenalty();
        car.inPenalty = session.inPenalty() && car.penalty > 0;
        car.penaltyLeft = session.penaltyLeft();
        state.setBoxes(env.objects()); // placed again on every reset
    }

    @Override
    public void close() {
        driver.close();
        reward.close();
    }
}
