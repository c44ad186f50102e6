package dev.racer.multi;

import dev.racer.race.EpisodeStatus;
import dev.racer.reward.RewardParams;
import dev.racer.trace.SimTraceWriter;
import dev.racer.track.TrackGeometry;
import dev.racer.world.CarBody;

/**
 * A bot car's sim-trace in a {@link HeadToModel} race, so that a replay of the race's traces shows the bots
 * too: a {@code prepare} row at the start, then one row per step of the race (as the racing cars' traces, row
 * {@code k} is step {@code k}), all in one episode: {@code X, Y} the bot's front point, {@code yaw} [deg],
 * {@code throttle} and {@code actual_speed} the bots' speed (0 while they wait or are stopped, then
 * {@code pause}), {@code progress} its position on the lap [%]. Allocates nothing per step.
 */
final class BotLog {
    private final MultiCarRace race;
    private final int bot;
    private final SimTraceWriter writer;
    private final RewardParams params = new RewardParams();
    private int rows;

    BotLog(MultiCarRace race, int bot, SimTraceWriter writer) {
        this.race = race;
        this.bot = bot;
        this.writer = writer;
        TrackGeometry g = race.world().geometry();
        params.setTrack(g.length(), g.waypoints(), g.reversed());
    }

    /** After {@link MultiCarRace#start}: the prepare row. */
    void start() {
        rows = 0;
        update(0);
        writer.prepare(0, params, 0);
    }

    /** Records the step the race just took. */
    void afterStep() {
        BotCars bots = race.world().bots();
        double speed = bots.paused() ? 0 : bots.config().speed();
        update(speed);
        writer.row(0, ++rows, params, 0, speed, -1, 0, race.isOver(),
                bots.paused() ? EpisodeStatus.PAUSE : EpisodeStatus.IN_PROGRESS, race.clock(), 0, speed, 1);
    }

    private void update(double speed) {
        BotCars bots = race.world().bots();
        TrackGeometry g = race.world().geometry();
        double yaw = bots.yaw(bot);
        double fx = bots.x(bot) + CarBody.FRONT_FROM_ORIGIN * Math.cos(yaw);
        double fy = bots.y(bot) + CarBody.FRONT_FROM_ORIGIN * Math.sin(yaw);
        double progress = bots.progress(bot);
        long pn = g.prevNext(progress / 100);
        boolean left = !bots.outerLane(bot) ^ !g.ccw(); // the inner lane is on the left of a counter-clockwise loop
        params.set(fx, fy, Math.toDegrees(yaw), 0, left, progress, speed, 0, rows, 0,
                TrackGeometry.prevOf(pn), TrackGeometry.nextOf(pn), progress / 100 * g.length(), 4);
        params.setSimTime(race.clock());
    }

    SimTraceWriter writer() {
        return writer;
    }
}
