-- Competitor matrices: competitors (rows, our product pinned first) compared across typed,
-- weighted dimensions (columns) in groups (five seed categories plus the user's own); every
-- cell carries its evidence; every cell change is kept; named snapshots freeze a matrix for
-- later diffs; battlecard notes per competitor. Decimals (weights, scores, prices) are exact
-- TEXT. The rules and formats are in docs/matrix.md and src-tauri/core/src/matrix/.

CREATE TABLE matrices (
    id                TEXT PRIMARY KEY NOT NULL,
    name              TEXT NOT NULL UNIQUE,
    owner             TEXT NOT NULL DEFAULT '',
    -- The fixed scale of score cells: 0–10 or −2…+2.
    scale             TEXT NOT NULL CHECK (scale IN ('zero_ten', 'minus_two_two')),
    -- A cell whose as-of date is older than this many days is stale.
    stale_after_days  INTEGER NOT NULL DEFAULT 90 CHECK (stale_after_days >= 1),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);

-- Dimension groups of one matrix: the five seeds (seed = features, price, customers,
-- channels, service) are created with the matrix; user groups have seed NULL.
CREATE TABLE matrix_groups (
    id          TEXT PRIMARY KEY NOT NULL,
    matrix_id   TEXT NOT NULL REFERENCES matrices (id),
    seed        TEXT CHECK (seed IN ('features', 'price', 'customers', 'channels', 'service')),
    name_zh     TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    position    INTEGER NOT NULL,
    UNIQUE (matrix_id, name_zh, name_en)
);

CREATE TABLE matrix_dimensions (
    id          TEXT PRIMARY KEY NOT NULL,
    matrix_id   TEXT NOT NULL REFERENCES matrices (id),
    group_id    TEXT NOT NULL REFERENCES matrix_groups (id),
    name_zh     TEXT NOT NULL DEFAULT '',
    name_en     TEXT NOT NULL DEFAULT '',
    kind        TEXT NOT NULL CHECK (kind IN ('score', 'yes_partial_no', 'price', 'number', 'text', 'choice')),
    -- Price: the currency (ISO code) and unit ("per seat per year"); number: its unit.
    currency    TEXT NOT NULL DEFAULT '',
    unit        TEXT NOT NULL DEFAULT '',
    -- Choice: the allowed values, JSON array of strings (user-defined list).
    choices     TEXT NOT NULL DEFAULT '[]',
    weight      TEXT NOT NULL DEFAULT '1',
    -- How a cell maps to a score, in the rule syntax of docs/matrix.md
    -- ('yes=10;partial=5;no=0', 'lower_better;min=100;max=500', 'lower_better;rank', 'A=10;B=5', 'none', '').
    rule        TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL,
    hidden      INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX matrix_dimensions_matrix_idx ON matrix_dimensions (matrix_id, position);

CREATE TABLE matrix_competitors (
    id          TEXT PRIMARY KEY NOT NULL,
    matrix_id   TEXT NOT NULL REFERENCES matrices (id),
    name        TEXT NOT NULL,
    -- Our own product: pinned first, at most one per matrix.
    is_ours     INTEGER NOT NULL DEFAULT 0 CHECK (is_ours IN (0, 1)),
    position    INTEGER NOT NULL,
    hidden      INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (matrix_id, name)
);
CREATE UNIQUE INDEX matrix_competitors_one_ours_idx ON matrix_competitors (matrix_id) WHERE is_ours = 1;

-- One cell: value is typed JSON ({"score":"7"}, {"yes_partial_no":"partial"},
-- {"price":"199"}, {"number":"12"}, {"text":"…"}, {"choice":"…"}); NULL means unknown,
-- which is not zero. Evidence: a source (URL or note), an as-of date, a label.
CREATE TABLE matrix_cells (
    matrix_id      TEXT NOT NULL REFERENCES matrices (id),
    competitor_id  TEXT NOT NULL REFERENCES matrix_competitors (id),
    dimension_id   TEXT NOT NULL REFERENCES matrix_dimensions (id),
    value          TEXT,
    source         TEXT NOT NULL DEFAULT '',
    as_of          TEXT,
    label          TEXT CHECK (label IN ('fact', 'inference', 'assumption')),
    updated_at     TEXT NOT NULL,
    updated_by     TEXT NOT NULL,
    PRIMARY KEY (competitor_id, dimension_id)
);
CREATE INDEX matrix_cells_matrix_idx ON matrix_cells (matrix_id);

-- Every cell change: who, when, old → new value and evidence. A paste or an import shares
-- one batch_id (one transaction, one undo step).
CREATE TABLE matrix_cell_history (
    id             TEXT PRIMARY KEY NOT NULL,
    matrix_id      TEXT NOT NULL REFERENCES matrices (id),
    competitor_id  TEXT NOT NULL REFERENCES matrix_competitors (id),
    dimension_id   TEXT NOT NULL REFERENCES matrix_dimensions (id),
    batch_id       TEXT NOT NULL,
    actor          TEXT NOT NULL,
    at             TEXT NOT NULL,
    old_value      TEXT,
    new_value      TEXT,
    -- Evidence before and after: JSON {"source":…, "as_of":…, "label":…}.
    old_evidence   TEXT NOT NULL,
    new_evidence   TEXT NOT NULL
);
CREATE INDEX matrix_cell_history_cell_idx ON matrix_cell_history (competitor_id, dimension_id, at);
CREATE INDEX matrix_cell_history_matrix_idx ON matrix_cell_history (matrix_id, at);

-- A named, frozen copy of a matrix: the definition (groups, dimensions with weights and
-- rules, competitors) as JSON, since it must not follow later edits, and every cell.
CREATE TABLE matrix_snapshots (
    id          TEXT PRIMARY KEY NOT NULL,
    matrix_id   TEXT NOT NULL REFERENCES matrices (id),
    name        TEXT NOT NULL,
    definition  TEXT NOT NULL,
    taken_at    TEXT NOT NULL,
    taken_by    TEXT NOT NULL,
    UNIQUE (matrix_id, name)
);

CREATE TABLE matrix_snapshot_cells (
    snapshot_id    TEXT NOT NULL REFERENCES matrix_snapshots (id),
    competitor_id  TEXT NOT NULL,
    dimension_id   TEXT NOT NULL,
    value          TEXT,
    source         TEXT NOT NULL DEFAULT '',
    as_of          TEXT,
    label          TEXT,
    PRIMARY KEY (snapshot_id, competitor_id, dimension_id)
);

-- Battlecard notes for one competitor (lines separated by newlines): the quick summary,
-- objections with their answers ("objection — answer" per line), trap questions to ask.
CREATE TABLE matrix_battlecards (
    competitor_id   TEXT PRIMARY KEY NOT NULL REFERENCES matrix_competitors (id),
    summary         TEXT NOT NULL DEFAULT '',
    objections      TEXT NOT NULL DEFAULT '',
    trap_questions  TEXT NOT NULL DEFAULT '',
    updated_at      TEXT NOT NULL
);
