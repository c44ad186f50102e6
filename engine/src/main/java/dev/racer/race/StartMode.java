package dev.racer.race;

/** Where each episode starts. */
public enum StartMode {
    /** always at {@link EnvConfig#startWaypoint()} */
    FIXED,
    /** DeepRacer's training default: each reset starts {@link EnvConfig#roundRobinAdvance()} of the lap further on */
    ROUND_ROBIN,
    /** a point of the centre line drawn from the reset seed */
    RANDOM
}
