package dev.racer.race;

/** What a time trial does with a car that is reversed or immobilised (as the engine rules define them). */
public enum StuckRule {
    /** the trial ends there (the default) */
    END,
    /** like going off track: the penalty, then back on the centre line; it uses up a reset */
    RESET
}
