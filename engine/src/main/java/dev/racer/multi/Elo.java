package dev.racer.multi;

/**
 * Elo ratings for races of two or more cars: each race counts as every pair of its cars playing one game (the
 * better-placed car wins, equal places draw), every car's change computed from the ratings before the race and
 * scaled by {@code 1 / (cars - 1)} so that a heat moves a rating about as much as one game does. The changes
 * of a race sum to zero. Pure functions.
 */
public final class Elo {
    /** Rating a new entrant starts with. */
    public static final double INITIAL = 1500.0;
    /** The usual K factor [rating points per game]. */
    public static final double DEFAULT_K = 32.0;

    private Elo() {
    }

    /** The expected score [0, 1] of a player rated {@code a} against one rated {@code b}. */
    public static double expected(double a, double b) {
        return 1.0 / (1.0 + Math.pow(10.0, (b - a) / 400.0));
    }

    /**
     * The ratings after one race.
     *
     * @param ratings before the race, one per car
     * @param places  each car's place (1 = first; equal places are a draw between those cars)
     * @param k       K factor
     * @return the new ratings (a new array)
     */
    public static double[] update(double[] ratings, int[] places, double k) {
        int n = ratings.length;
        if (places.length != n || n < 2) {
            throw new IllegalArgumentException("a race needs 2 or more rated cars and one place each, got "
                    + n + " ratings and " + places.length + " places");
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    double s = places[i] < places[j] ? 1.0 : places[i] == places[j] ? 0.5 : 0.0;
                    sum += s - expected(ratings[i], ratings[j]);
                }
            }
            out[i] = ratings[i] + k * sum / (n - 1);
        }
        return out;
    }
}
