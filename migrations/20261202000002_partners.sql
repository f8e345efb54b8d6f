-- Channel partners and sales reps, the sales lines their profit share and commission are
-- computed from, the plans (versioned JSON, docs/partner-plans.md) and the statements
-- (对账单) computed from them. Money, rates and quantities are exact decimal TEXT.
-- A locked statement is immutable (triggers below); recomputing makes a new version.

CREATE TABLE partners (
    id                   TEXT PRIMARY KEY NOT NULL,
    -- The partner's code as sales files name it (D001); unique, compared as written.
    code                 TEXT NOT NULL UNIQUE,
    name                 TEXT NOT NULL,
    region               TEXT NOT NULL DEFAULT '',
    -- 1 = 一级 (direct), 2 = 二级 (under a level-1 partner), …
    level                INTEGER NOT NULL DEFAULT 1 CHECK (level BETWEEN 1 AND 9),
    parent_id            TEXT REFERENCES partners (id),
    contract_start       TEXT,
    contract_end         TEXT,
    -- Personal data (masking registry): the account holder may be a person, the number is a
    -- bank account (PIPL sensitive).
    bank_account_holder  TEXT NOT NULL DEFAULT '',
    bank_account_number  TEXT NOT NULL DEFAULT '',
    bank_name            TEXT NOT NULL DEFAULT '',
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX partners_parent_idx ON partners (parent_id);

CREATE TABLE sales_reps (
    id          TEXT PRIMARY KEY NOT NULL,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- A rep's quota (target) for one calendar month (`month` = YYYY-MM).
CREATE TABLE rep_quotas (
    rep_id  TEXT NOT NULL REFERENCES sales_reps (id),
    month   TEXT NOT NULL,
    amount  TEXT NOT NULL,
    PRIMARY KEY (rep_id, month)
);

-- One imported file. The same bytes (SHA-256) are never imported twice into the same kind.
CREATE TABLE import_batches (
    id          TEXT PRIMARY KEY NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('sales', 'partners', 'reps')),
    file_name   TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    rows        INTEGER NOT NULL,
    imported_at TEXT NOT NULL,
    UNIQUE (kind, sha256)
);

CREATE TABLE sales_lines (
    id              TEXT PRIMARY KEY NOT NULL,
    -- The line's reference in the source system (invoice line); statements name lines by it.
    line_ref        TEXT NOT NULL UNIQUE,
    sale_date       TEXT NOT NULL,
    partner_id      TEXT NOT NULL REFERENCES partners (id),
    rep_id          TEXT REFERENCES sales_reps (id),
    customer        TEXT NOT NULL DEFAULT '',
    customer_type   TEXT NOT NULL DEFAULT '',
    product         TEXT NOT NULL DEFAULT '',
    product_line    TEXT NOT NULL DEFAULT '',
    quantity        TEXT NOT NULL,
    -- Negative on a return/refund, which then names the line it reverses in `refund_of`.
    amount          TEXT NOT NULL,
    discount        TEXT NOT NULL DEFAULT '0',
    cost            TEXT NOT NULL DEFAULT '0',
    currency        TEXT NOT NULL,
    invoice_status  TEXT NOT NULL CHECK (invoice_status IN ('not_invoiced', 'invoiced')),
    invoiced_on     TEXT,
    payment_status  TEXT NOT NULL CHECK (payment_status IN ('unpaid', 'partial', 'paid')),
    paid_on         TEXT,
    -- Services the partner provided on the sale: JSON array of installation/training/after_sales.
    services        TEXT NOT NULL DEFAULT '[]',
    refund_of       TEXT REFERENCES sales_lines (line_ref) DEFERRABLE INITIALLY DEFERRED,
    batch_id        TEXT NOT NULL REFERENCES import_batches (id),
    source_sha256   TEXT NOT NULL,
    CHECK ((invoice_status = 'invoiced') = (invoiced_on IS NOT NULL)),
    CHECK ((payment_status = 'paid') = (paid_on IS NOT NULL))
);
CREATE INDEX sales_lines_partner_idx ON sales_lines (partner_id, sale_date);
CREATE INDEX sales_lines_rep_idx ON sales_lines (rep_id, sale_date);
CREATE INDEX sales_lines_batch_idx ON sales_lines (batch_id);

-- A plan version: the JSON as validated by the plan parser when it was saved.
CREATE TABLE plans (
    id              TEXT PRIMARY KEY NOT NULL,
    name            TEXT NOT NULL,
    version         INTEGER NOT NULL CHECK (version >= 1),
    kind            TEXT NOT NULL CHECK (kind IN ('partner', 'rep')),
    effective_from  TEXT NOT NULL,
    json            TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    UNIQUE (name, version)
);
CREATE INDEX plans_effective_idx ON plans (kind, effective_from);

-- A statement version of one payee (partner code or rep code) and period.
CREATE TABLE statements (
    id              TEXT PRIMARY KEY NOT NULL,
    payee_kind      TEXT NOT NULL CHECK (payee_kind IN ('partner', 'rep')),
    payee           TEXT NOT NULL,
    -- As asked for (2026-Q3), and the dates it covers (both inclusive).
    period          TEXT NOT NULL,
    period_from     TEXT NOT NULL,
    period_to       TEXT NOT NULL,
    version         INTEGER NOT NULL CHECK (version >= 1),
    status          TEXT NOT NULL CHECK (status IN ('computed', 'locked')),
    plan_id         TEXT NOT NULL REFERENCES plans (id),
    plan_name       TEXT NOT NULL,
    plan_version    INTEGER NOT NULL,
    currency        TEXT NOT NULL,
    lines_total     TEXT NOT NULL,
    total           TEXT NOT NULL,
    carried_out     TEXT NOT NULL,
    rounding        TEXT NOT NULL,
    line_count      INTEGER NOT NULL,
    -- The whole computed statement (partner::Statement as JSON): what was shown and locked.
    snapshot        TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    locked_at       TEXT,
    CHECK ((status = 'locked') = (locked_at IS NOT NULL)),
    UNIQUE (payee_kind, payee, period_from, period_to, version)
);
CREATE INDEX statements_payee_idx ON statements (payee_kind, payee, period_to);

CREATE TRIGGER statements_locked_no_update BEFORE UPDATE ON statements
WHEN OLD.status = 'locked'
BEGIN
    SELECT RAISE(ABORT, 'a locked statement cannot be changed; recompute to make a new version');
END;

CREATE TRIGGER statements_locked_no_delete BEFORE DELETE ON statements
WHEN OLD.status = 'locked'
BEGIN
    SELECT RAISE(ABORT, 'a locked statement cannot be deleted');
END;
