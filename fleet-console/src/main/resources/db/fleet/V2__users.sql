-- The console's users: viewers see the fleet, technicians also act on it (commands, alerts, users).
-- A user's token is "name.secret"; only a bcrypt hash of the secret is stored.
CREATE TABLE console_user (
    name        text        PRIMARY KEY,
    role        text        NOT NULL CHECK (role IN ('viewer', 'technician')),
    secret_hash text        NOT NULL,
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL
);
