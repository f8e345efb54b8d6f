-- The watched inbox (src-tauri/core/src/inbox): what arrived in the watched folder and what
-- happened to it, so the window's list survives a restart. One row per file handled; the
-- import itself is in import_batches / sales_lines as for any other import.

CREATE TABLE inbox_events (
    id          TEXT PRIMARY KEY NOT NULL,
    at          TEXT NOT NULL,
    -- The partner code of a per-partner folder (<inbox>/<code>/); '' for the shared folder.
    folder      TEXT NOT NULL DEFAULT '',
    file_name   TEXT NOT NULL,
    sha256      TEXT NOT NULL DEFAULT '',
    outcome     TEXT NOT NULL CHECK (outcome IN ('imported', 'rejected', 'duplicate', 'failed')),
    lines       INTEGER NOT NULL DEFAULT 0,
    batch_id    TEXT,
    -- Where the file went, relative to the inbox folder (imported/x.csv, D001/rejected/x.csv);
    -- '' when it stayed where it was (failed: tried again on the next start).
    moved_to    TEXT NOT NULL DEFAULT '',
    message     TEXT NOT NULL DEFAULT '',
    -- The import's problems (row, column, value, code, message) as JSON.
    problems    TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX inbox_events_at_idx ON inbox_events (at);
