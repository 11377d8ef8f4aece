-- Tickets of every business day. A row is written in the same transaction as its outbox event.
CREATE TABLE ticket (
    id               TEXT    PRIMARY KEY,          -- random, unguessable, printed in the ticket QR
    business_day     TEXT    NOT NULL,             -- yyyy-MM-dd of the business day it was issued in
    number           TEXT    NOT NULL,             -- what the citizen sees: A001
    service_id       TEXT    NOT NULL,             -- current service (changes on transfer)
    issued_service_id TEXT   NOT NULL,             -- the service it was issued for
    priority         TEXT,                         -- priority category id, NULL for regular
    channel          TEXT    NOT NULL,             -- touchscreen | robot | counter
    status           TEXT    NOT NULL,             -- issued | called | completed | no_show
    issued_at        INTEGER NOT NULL,             -- epoch ms; the arrival time, kept on transfer
    called_at        INTEGER,                      -- epoch ms of the latest (re)call
    counter_id       TEXT,                         -- counter that called it
    call_count       INTEGER NOT NULL DEFAULT 0,
    finished_at      INTEGER,                      -- epoch ms of completed / no_show
    service_started_at INTEGER,                    -- epoch ms of the first call at the current service
    print_state      TEXT    NOT NULL DEFAULT 'none', -- none (no printer) | pending | printed | failed
    print_error      TEXT,                         -- why the last print failed, for staff
    request_id       TEXT    UNIQUE,               -- the caller's idempotency key: a repeated request gets this ticket
    UNIQUE (business_day, number)                  -- a number is never given twice in a business day
);
CREATE INDEX ticket_waiting ON ticket (business_day, service_id, status, issued_at);
CREATE INDEX ticket_counter ON ticket (business_day, counter_id, called_at);
CREATE INDEX ticket_service_times ON ticket (service_id, status, finished_at);     -- wait estimates
CREATE INDEX ticket_service_started ON ticket (service_id, service_started_at);    -- active counters

-- The last sequence handed out per service and business day. Never decremented.
CREATE TABLE number_sequence (
    business_day TEXT    NOT NULL,
    service_id   TEXT    NOT NULL,
    last_seq     INTEGER NOT NULL,
    PRIMARY KEY (business_day, service_id)
);

-- Domain events waiting to be published to the fleet broker; seq is the per-device order
-- (AUTOINCREMENT: a seq is never reused, even after the newest row is deleted).
CREATE TABLE outbox (
    seq      INTEGER PRIMARY KEY AUTOINCREMENT,
    id       TEXT    NOT NULL UNIQUE,
    type     TEXT    NOT NULL,
    ts       INTEGER NOT NULL,
    data     TEXT    NOT NULL,                     -- JSON object, never personal data
    sent_at  INTEGER                               -- set after the broker's PUBACK
);
CREATE INDEX outbox_unsent ON outbox (sent_at, seq);

-- Replies to fleet commands by role and request id: a request seen again gets the first reply,
-- and the work is not done twice (also across restarts). Pruned after a day.
CREATE TABLE command_reply (
    role       TEXT    NOT NULL,
    request_id TEXT    NOT NULL,
    reply      TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (role, request_id)
);

-- Small persistent settings (maintenance mode, calibrations).
CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
