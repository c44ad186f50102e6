-- The league's schema; plain SQL that SQLite and PostgreSQL both accept. Times are epoch milliseconds.
CREATE TABLE leagues (
    id                  VARCHAR(64)  PRIMARY KEY,
    name                VARCHAR(200) NOT NULL,
    track_id            VARCHAR(64)  NOT NULL,
    laps                INTEGER      NOT NULL,
    offtrack_penalty_ms BIGINT       NOT NULL,
    max_resets          INTEGER      NOT NULL,
    ranking             VARCHAR(32)  NOT NULL,
    time_limit_s        INTEGER      NOT NULL,
    created_at          BIGINT       NOT NULL
);

CREATE TABLE racers (
    id         VARCHAR(64)  PRIMARY KEY,
    name       VARCHAR(64)  NOT NULL UNIQUE,
    token_salt VARCHAR(64)  NOT NULL,
    token_hash VARCHAR(128) NOT NULL,
    created_at BIGINT       NOT NULL
);

-- the persistent queue: status queued -> running (claimed by a worker with a lease) -> done | failed
CREATE TABLE submissions (
    id             VARCHAR(64)  PRIMARY KEY,
    league_id      VARCHAR(64)  NOT NULL REFERENCES leagues (id),
    racer_id       VARCHAR(64)  NOT NULL REFERENCES racers (id),
    model_name     VARCHAR(100) NOT NULL,
    archive_sha256 VARCHAR(64)  NOT NULL,
    archive_bytes  BIGINT       NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    attempts       INTEGER      NOT NULL,
    worker         VARCHAR(100),
    lease_until    BIGINT,
    created_at     BIGINT       NOT NULL,
    started_at     BIGINT,
    finished_at    BIGINT,
    error          VARCHAR(2000),
    completed      INTEGER,
    score_ms       BIGINT,
    best_lap_ms    BIGINT,
    avg_lap_ms     BIGINT,
    total_ms       BIGINT,
    laps_done      INTEGER,
    offtracks      INTEGER,
    resets         INTEGER,
    end_reason     VARCHAR(32),
    laps_json      VARCHAR(8000),
    trace_file     VARCHAR(200)
);

CREATE INDEX submissions_queue ON submissions (status, created_at);
CREATE INDEX submissions_board ON submissions (league_id, completed, score_ms);
CREATE INDEX submissions_racer ON submissions (racer_id, created_at);
