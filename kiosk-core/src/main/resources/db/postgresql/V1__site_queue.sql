-- The site queue: every kiosk of a centre issues and calls tickets here (queue.store).
-- Times are epoch milliseconds and days yyyy-MM-dd, as in the kiosk's own SQLite file, so that both
-- stores run the same queries.
CREATE TABLE ticket (
    id                 text    PRIMARY KEY,           -- random, printed in the ticket QR
    row_no             bigserial NOT NULL,            -- insertion order: breaks ties of equal arrival times
    business_day       text    NOT NULL,
    number             text    NOT NULL,
    service_id         text    NOT NULL,
    issued_service_id  text    NOT NULL,
    priority           text,
    channel            text    NOT NULL,
    status             text    NOT NULL,
    issued_at          bigint  NOT NULL,              -- the citizen's arrival, kept on transfer and merge
    called_at          bigint,
    counter_id         text,
    call_count         integer NOT NULL DEFAULT 0,
    finished_at        bigint,
    service_started_at bigint,
    print_state        text    NOT NULL DEFAULT 'none',
    print_error        text,
    request_id         text    UNIQUE,                -- the issuing kiosk's device id, '|', the caller's key
    device_id          text,                          -- the kiosk that issued it
    island             boolean NOT NULL DEFAULT false, -- issued in island mode and merged later
    merged_at          bigint,
    UNIQUE (business_day, number)                     -- a number is never given twice in a business day
);
CREATE INDEX ticket_waiting ON ticket (business_day, service_id, status, issued_at);
CREATE INDEX ticket_counter ON ticket (business_day, counter_id, called_at);
CREATE INDEX ticket_called ON ticket (counter_id) WHERE status = 'called';
CREATE INDEX ticket_service_times ON ticket (service_id, status, finished_at);
CREATE INDEX ticket_service_started ON ticket (service_id, service_started_at);

-- The last sequence handed out per service and business day, for the whole site. Never decremented.
CREATE TABLE number_sequence (
    business_day text   NOT NULL,
    service_id   text   NOT NULL,
    last_seq     bigint NOT NULL,
    PRIMARY KEY (business_day, service_id)
);

-- The kiosks of the site and the numbers each may hand out on its own (island mode). The site's
-- numbering skips every registered range; two kiosks' ranges never overlap.
CREATE TABLE kiosk (
    device_id     text   PRIMARY KEY,
    island_first  integer,
    island_last   integer,
    version       text,
    registered_at bigint NOT NULL
);

-- Events of ticket changes, written in the change's transaction, until the kiosk that made the
-- change has copied them into its own outbox (which publishes them to MQTT with its seq).
CREATE TABLE site_event (
    id        bigserial PRIMARY KEY,
    event_id  text   NOT NULL UNIQUE,
    device_id text   NOT NULL,
    type      text   NOT NULL,
    ts        bigint NOT NULL,
    data      text   NOT NULL
);
CREATE INDEX site_event_device ON site_event (device_id, id);
