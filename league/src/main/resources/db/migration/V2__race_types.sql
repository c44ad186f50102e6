-- Race types (issues 13 and 14): a league's race type, its objects, collision penalty and bot cars, and the
-- collisions of each race. Plain SQL that SQLite and PostgreSQL both accept; the defaults make every existing
-- league a time trial and leave existing races' collision counts unknown (NULL, shown as 0).
ALTER TABLE leagues ADD COLUMN race_type VARCHAR(32) NOT NULL DEFAULT 'TIME_TRIAL';
-- the number of objects; with object_positions (DeepRacer's OBJECT_POSITIONS as "ndist,lane;...") they are fixed
ALTER TABLE leagues ADD COLUMN objects INTEGER NOT NULL DEFAULT 0;
ALTER TABLE leagues ADD COLUMN randomize_objects INTEGER NOT NULL DEFAULT 0;
ALTER TABLE leagues ADD COLUMN object_positions VARCHAR(2000);
ALTER TABLE leagues ADD COLUMN collision_penalty_ms BIGINT NOT NULL DEFAULT 5000;
ALTER TABLE leagues ADD COLUMN bots INTEGER NOT NULL DEFAULT 0;
-- [m/s]; the simapp's BOT_CAR_SPEED default
ALTER TABLE leagues ADD COLUMN bot_speed DOUBLE PRECISION NOT NULL DEFAULT 0.2;
ALTER TABLE leagues ADD COLUMN bot_lane_change INTEGER NOT NULL DEFAULT 0;

-- crashes into objects in the whole race (per lap: in laps_json)
ALTER TABLE submissions ADD COLUMN crashes INTEGER;
