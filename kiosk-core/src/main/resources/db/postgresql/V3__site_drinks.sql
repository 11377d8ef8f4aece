-- Each kiosk's cups and millilitres per business day, copied by the kiosk from its own SQLite file
-- (its dispenser pours with the server away too), so a manager's report covers the whole site.
CREATE TABLE site_drink (
    day       date   NOT NULL,
    device_id text   NOT NULL,
    cups      integer NOT NULL,
    ml        bigint NOT NULL,
    PRIMARY KEY (day, device_id)
);
