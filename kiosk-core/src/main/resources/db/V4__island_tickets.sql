-- With the queue on the site's PostgreSQL (queue.store), this file keeps only the tickets issued
-- while the site server was away (island = 1), from the kiosk's island range, until they are
-- merged into the site queue; device_id is the kiosk that issued a ticket.
ALTER TABLE ticket ADD COLUMN island INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ticket ADD COLUMN device_id TEXT;
CREATE INDEX ticket_island ON ticket (issued_at) WHERE island = 1;
