-- Fleet commands by role and request id. The fingerprint (command name and canonical args) is
-- written before the command runs and the reply after it, each in its own transaction. The same id
-- again with the same fingerprint gets the first reply, or runs once more if the kiosk stopped before
-- replying (ticket.issue then finds its ticket by request id), and with another fingerprint it gets 409
-- request_conflict. Pruned after a day. Replaces command_reply (kept rows have no fingerprint).
CREATE TABLE command_request (
    role        TEXT    NOT NULL,
    request_id  TEXT    NOT NULL,
    fingerprint TEXT,
    reply       BLOB,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (role, request_id)
);
INSERT INTO command_request (role, request_id, fingerprint, reply, created_at)
    SELECT role, request_id, NULL, reply, created_at FROM command_reply;
DROP TABLE command_reply;
CREATE INDEX command_request_age ON command_request (created_at);
