-- Failed logins, counted per submitted username and per client address, so that every instance throttles alike.
-- Same portable SQL as V1. A key is 'account:<username>' or 'address:<ip>'; operators may read or delete rows
-- (deleting one lifts that throttle at once).
CREATE TABLE login_failures (
    throttle_key    VARCHAR(200) PRIMARY KEY,
    failures        INTEGER NOT NULL,
    last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT login_failures_positive_check CHECK (failures > 0)
);

-- For deleting the tallies that are old enough to be forgotten, oldest first.
CREATE INDEX login_failures_last_failure_at_idx ON login_failures (last_failure_at);
