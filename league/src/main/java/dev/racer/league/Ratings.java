package dev.racer.league;

import dev.racer.multi.Elo;

/**
 * The one place where a head-to-model league's rating is defined: multiplayer Elo ({@link Elo}) with K
 * {@value #K} and a new entry's rating {@value #INITIAL}. A heat's changes sum to zero, so the ratings of a
 * league's entries always sum to {@code entries × INITIAL}.
 */
final class Ratings {
    /** K factor [rating points per game]: {@link Elo#DEFAULT_K}. */
    static final double K = Elo.DEFAULT_K;
    /** Rating of a new entry: {@link Elo#INITIAL}. */
    static final double INITIAL = Elo.INITIAL;

    private Ratings() {
    }

    /**
     * The ratings after one heat.
     *
     * @param before each car's rating before the heat
     * @param places each car's place (1 = winner)
     * @return the new ratings; {@code before} unchanged when fewer than 2 cars raced
     */
    static double[] after(double[] before, int[] places) {
        return before.length < 2 ? before.clone() : Elo.update(before, places, K);
    }
}
