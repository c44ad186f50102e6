package dev.racer.view;

import dev.racer.car.CarState;
import dev.racer.car.Control;
import dev.racer.race.Driver;
import dev.racer.race.EnvConfig;
import dev.racer.race.EpisodeStatus;
import dev.racer.race.RacingEnv;
import dev.racer.race.StepResult;
import dev.racer.reward.RewardFunction;
import dev.racer.track.Projection;
import dev.racer.track.Track;
import dev.racer.track.TrackGeometry;

/**
 * A driver racing live, lap after lap, as in a time trial: a complete lap starts the next one, going off the
 * track counts and puts the car back on the centre line (the lap clock keeps running), and an episode that
 * ends otherwise (reversed, immobilised, step cap) restarts the lap.
 */
public final class LiveSource extends Source {
    private final RacingEnv env;
    private final Driver driver;
    private final RewardFunction reward;
    private final String label;
    private final ViewState state = new ViewState();
    private final Projection p = new Projection();
    private long seed = 1;

    public LiveSource(Track track, EnvConfig config, Driver driver, RewardFunction reward, String label) {
        this.driver = driver;
        this.reward = reward;
        this.label = label;
        this.env = new RacingEnv(track, config, reward, driver.newSensor());
        restart();
    }

    private void restart() {
        env.reset(seed++);
        driver.reset(env);
        state.lapTime = 0;
        copyPose();
    }

    private void copyPose() {
        state.x = env.carX();
        state.y = env.carY();
        state.yaw = env.carYaw();
        state.steering = env.carSteering();
        state.speed = env.carSpeed();
        state.progress = env.params().progress();
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
        return env;
    }

    @Override
    protected boolean stepOnce() {
        Control c = driver.act(env, env.last().observation());
        StepResult r = env.step(c);
        state.step++;
        state.lapTime += env.config().dt();
        state.reward = r.reward();
        copyPose();
        EpisodeStatus st = r.status();
        if (st == EpisodeStatus.LAP_COMPLETE) {
            state.bestLap = Double.isNaN(state.bestLap) ? state.lapTime : Math.min(state.bestLap, state.lapTime);
            state.lap++;
            state.progress = 100;
            restart();
        } else if (st == EpisodeStatus.OFF_TRACK) {
            state.offTrack++;
            TrackGeometry g = env.geometry();
            g.center().nearest(env.params().x(), env.params().y(), p);
            double yaw = g.headingAt(p.along, p);
            env.placeCar(CarState.atRest(p.x, p.y, yaw), env.params().progress());
            copyPose();
        } else if (r.done()) {
            restart();
        }
        return true;
    }

    @Override
    public void close() {
        driver.close();
        reward.close();
    }
}
