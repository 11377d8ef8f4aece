-- How many telemetry reports in a row a kiosk's event backlog grew: the "backlog growing" alert
-- survives a restart of the console with the rest of the kiosk's state.
ALTER TABLE device ADD COLUMN backlog_rises integer NOT NULL DEFAULT 0;
