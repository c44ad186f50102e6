-- Head-to-model leagues (issue 14): heats of several submitted models on one track, and each entry's Elo rating.
-- Plain SQL that SQLite and PostgreSQL both accept; existing leagues keep their race type and get the default heat size.
ALTER TABLE leagues ADD COLUMN heat_size INTEGER NOT NULL DEFAULT 4;

-- an entry (a done submission of a HEAD_TO_MODEL league): its rating, heats raced, heats won and best finish [ms];
-- NULL in other leagues
ALTER TABLE submissions ADD COLUMN rating DOUBLE PRECISION;
ALTER TABLE submissions ADD COLUMN heats INTEGER;
ALTER TABLE submissions ADD COLUMN wins INTEGER;
ALTER TABLE submissions ADD COLUMN best_finish_ms BIGINT;

-- one heat: raced when submission_id (the new entry) was evaluated; stored in the transaction that marks it done
CREATE TABLE heats (
    id            VARCHAR(64)   PRIMARY KEY,
    league_id     VARCHAR(64)   NOT NULL REFERENCES leagues (id),
    submission_id VARCHAR(64)   NOT NULL REFERENCES submissions (id),
    seed          BIGINT        NOT NULL,
    laps          INTEGER       NOT NULL,
    cars          INTEGER       NOT NULL,
    race_time_ms  BIGINT        NOT NULL,
    not_raced     VARCHAR(2000),
    created_at    BIGINT        NOT NULL
);

-- the cars of a heat: grid slot, place (1 = winner), finish time [ms] or NULL, ratings around the heat, trace file
CREATE TABLE heat_cars (
    heat_id       VARCHAR(64)   NOT NULL REFERENCES heats (id),
    submission_id VARCHAR(64)   NOT NULL REFERENCES submissions (id),
    grid          INTEGER       NOT NULL,
    place         INTEGER       NOT NULL,
    finished      INTEGER       NOT NULL,
    time_ms       BIGINT,
    laps          INTEGER       NOT NULL,
    crashes       INTEGER       NOT NULL,
    offtracks     INTEGER       NOT NULL,
    rating_before DOUBLE PRECISION NOT NULL,
    rating_after  DOUBLE PRECISION NOT NULL,
    trace_file    VARCHAR(200),
    PRIMARY KEY (heat_id, submission_id)
);

CREATE INDEX heats_league ON heats (league_id, created_at);
CREATE INDEX heat_cars_submission ON heat_cars (submission_id);
