-- Cups and millilitres poured per business day and kind (cold/hot), for telemetry.
CREATE TABLE drink_count (
    day   TEXT    NOT NULL,
    kind  TEXT    NOT NULL,
    cups  INTEGER NOT NULL,
    ml    INTEGER NOT NULL,
    PRIMARY KEY (day, kind)
);
