-- When a ticket was first called (never reset by a recall or a transfer): the citizen's wait is
-- issued_at to first_called_at (reports).
ALTER TABLE ticket ADD COLUMN first_called_at bigint;
UPDATE ticket SET first_called_at = coalesce(service_started_at, called_at) WHERE called_at IS NOT NULL;
CREATE INDEX ticket_day ON ticket (business_day, issued_at);
