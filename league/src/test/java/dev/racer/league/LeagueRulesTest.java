package dev.racer.league;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.multi.BotConfig;
import dev.racer.race.EnvConfig;
import dev.racer.race.PurePursuitDriver;
import dev.racer.race.RaceType;
import dev.racer.race.RacingEnv;
import dev.racer.reward.CenterLineReward;
import dev.racer.track.Track;
import dev.racer.track.TrackLibrary;
import dev.racer.world.ObjectConfig;
import dev.racer.world.WorldObjects;
import org.junit.jupiter.api.Test;

/** A league's race-type rules, the environment they race in, and where the replay draws the boxes. */
class LeagueRulesTest {
    private static final LeagueRules D = LeagueRules.DEFAULT;

    @Test
    void raceTypesMakeTheRaceEnvironmentAndTheTrialRules() {
        assertEquals(RaceType.TIME_TRIAL, D.raceType());
        assertEquals(ObjectConfig.NONE, TimeTrialRaceRunner.envConfig(D).placedObjects());
        LeagueRules oa = D.withRace(RaceType.OBJECT_AVOIDANCE, ObjectConfig.spaced(4, true)).withCollisionPenaltyMs(2500);
        EnvConfig env = TimeTrialRaceRunner.envConfig(oa);
        assertEquals(RaceType.OBJECT_AVOIDANCE, env.raceType());
        assertEquals(ObjectConfig.spaced(4, true), env.placedObjects());
        assertEquals(2.5, TimeTrialRaceRunner.trialConfig(oa).collisionPenalty());
        assertEquals(5.0, TimeTrialRaceRunner.trialConfig(D).collisionPenalty(), "DeepRacer's default");
        assertEquals(ObjectConfig.RACE_DEFAULT, D.withRace(RaceType.OBJECT_AVOIDANCE, null).objects());
        assertEquals(ObjectConfig.NONE, oa.withRace(RaceType.TIME_TRIAL, ObjectConfig.NONE).objects());
    }

    @Test
    void badRulesNameTheirField() {
        assertEquals("objects", assertThrows(LeagueRules.BadRule.class,
                () -> D.withRace(RaceType.TIME_TRIAL, ObjectConfig.spaced(2, false))).field());
        assertEquals("collision_penalty", assertThrows(LeagueRules.BadRule.class,
                () -> D.withCollisionPenaltyMs(60_001)).field());
        assertEquals("collision_penalty", assertThrows(LeagueRules.BadRule.class,
                () -> D.withCollisionPenaltyMs(-1)).field());
        assertEquals("bots", assertThrows(LeagueRules.BadRule.class,
                () -> D.withBots(BotConfig.of(3, 0.5, true))).field(), "bots need HEAD_TO_BOT");
        assertEquals("race_type", assertThrows(LeagueRules.BadRule.class,
                () -> LeagueRules.parseRaceType("drag", "race_type")).field());
        assertEquals("laps", assertThrows(LeagueRules.BadRule.class,
                () -> new LeagueRules("reinvent_base", 0, 0, -1, D.ranking(), 10)).field());
        assertTrue(LeagueRules.RACE_TYPES.contains(RaceType.OBJECT_AVOIDANCE));
        assertEquals(RaceType.OBJECT_AVOIDANCE, LeagueRules.parseRaceType(" object_avoidance ", "race_type"));
    }

    /** The replay's boxes are where the race's environment put them at its reset with the league's seed. */
    @Test
    void theReplaysObjectsAreTheRacesObjects() {
        Track track = TrackLibrary.standard().get("reinvent_base");
        for (ObjectConfig oc : new ObjectConfig[] {ObjectConfig.spaced(5, true), ObjectConfig.RACE_DEFAULT}) {
            LeagueRules rules = D.withRace(RaceType.OBJECT_AVOIDANCE, oc);
            RacingEnv env = new RacingEnv(track, TimeTrialRaceRunner.envConfig(rules), new CenterLineReward(),
                    new PurePursuitDriver().newSensor());
            env.reset(TimeTrialRaceRunner.SEED);
            WorldObjects raced = env.objects(), shown = TimeTrialRaceRunner.objects(track, rules);
            assertEquals(oc.objects(), shown.count());
            for (int i = 0; i < shown.count(); i++) {
                assertEquals(raced.x(i), shown.x(i), 0.0);
                assertEquals(raced.y(i), shown.y(i), 0.0);
                assertEquals(raced.heading(i), shown.heading(i), 0.0);
                assertEquals(raced.halfLength(i), shown.halfLength(i), 0.0);
            }
        }
        assertEquals(0, TimeTrialRaceRunner.objects(track, D).count());
    }
}
