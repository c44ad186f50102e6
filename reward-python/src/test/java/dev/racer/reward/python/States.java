package dev.racer.reward.python;

import dev.racer.race.EnvConfig;
import dev.racer.race.RacingEnv;
import dev.racer.reward.RewardParams;
import dev.racer.sensor.Sensor;
import dev.racer.track.TrackLibrary;

/** Real params from a real track for tests. */
final class States {
    private States() {
    }

    /** The params after a few steps on reinvent_base. */
    static RewardParams onTrack() {
        RacingEnv env = new RacingEnv(TrackLibrary.standard().get("reinvent_base"), EnvConfig.DEFAULT, p -> 1.0,
                Sensor.none());
        env.reset(1);
        for (int i = 0; i < 5; i++) {
            env.step(2.0, 1.5);
        }
        return env.params().copy();
    }

    /** A state on reinvent_base with DeepRacer's three training boxes, the car driving towards the first. */
    static RewardParams withObjects() {
        RacingEnv env = new RacingEnv(TrackLibrary.standard().get("reinvent_base"),
                EnvConfig.DEFAULT.withRaceType(dev.racer.race.RaceType.OBJECT_AVOIDANCE), p -> 1.0, Sensor.none());
        env.reset(1);
        for (int i = 0; i < 5; i++) {
            env.step(2.0, 1.5);
        }
        return env.params().copy();
    }
}
