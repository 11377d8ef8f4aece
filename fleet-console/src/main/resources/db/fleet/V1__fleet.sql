-- The fleet console's store: what every kiosk of a city published, the alerts that followed and what
-- technicians did. Kiosks are keyed by (site, device), as in their MQTT topics.
CREATE TABLE device (
    site          text    NOT NULL,
    device        text    NOT NULL,
    online        boolean,
    last_seen     timestamptz,
    version       text,
    printer       text,
    scanner       text,
    dispenser     text,
    waiting       bigint,
    backlog       bigint,
    queue_mode    text,
    pending_merge bigint,
    maintenance   boolean,
    temperature_c double precision,
    PRIMARY KEY (site, device)
);

-- Each kiosk event once: a kiosk replays what the broker did not acknowledge, and the console's own
-- session redelivers what it had not acknowledged before it stopped.
CREATE TABLE event (
    site        text        NOT NULL,
    device      text        NOT NULL,
    seq         bigint      NOT NULL,
    id          text        NOT NULL,
    type        text        NOT NULL,
    ts          timestamptz NOT NULL,
    data        jsonb       NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (site, device, seq)
);
CREATE INDEX event_type_ts ON event (type, ts);
CREATE INDEX event_device_ts ON event (site, device, ts);

-- Telemetry history for the device pages' charts.
CREATE TABLE telemetry (
    site          text        NOT NULL,
    device        text        NOT NULL,
    ts            timestamptz NOT NULL,
    waiting       bigint,
    backlog       bigint,
    temperature_c double precision,
    printer       text,
    scanner       text,
    dispenser     text,
    PRIMARY KEY (site, device, ts)
);

-- Alerts: opened and resolved from the kiosks' own state; at most one open of a kind per kiosk.
CREATE TABLE alert (
    id          bigserial   PRIMARY KEY,
    site        text        NOT NULL,
    device      text        NOT NULL,
    kind        text        NOT NULL,
    detail      text        NOT NULL,
    opened_at   timestamptz NOT NULL,
    acked_at    timestamptz,
    acked_by    text,
    resolved_at timestamptz
);
CREATE UNIQUE INDEX alert_open ON alert (site, device, kind) WHERE resolved_at IS NULL;
CREATE INDEX alert_opened ON alert (opened_at);

-- Who sent which command to which kiosk, when, and what came back.
CREATE TABLE audit (
    id         bigserial   PRIMARY KEY,
    at         timestamptz NOT NULL,
    actor      text        NOT NULL,
    site       text        NOT NULL,
    device     text        NOT NULL,
    command    text        NOT NULL,
    args       jsonb       NOT NULL,
    request_id text        NOT NULL,
    code       integer     NOT NULL,
    reply      jsonb
);
CREATE INDEX audit_at ON audit (at);
