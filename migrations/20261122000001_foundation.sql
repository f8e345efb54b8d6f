-- Foundation schema: customers, contacts, products (price book), opportunities with their
-- stage history, and app settings. Conventions (docs/DESIGN.md §4): UUIDv7 TEXT ids,
-- RFC 3339 UTC timestamps, money and rates as exact decimal TEXT, enums as TEXT + CHECK,
-- soft delete via deleted_at.

CREATE TABLE customers (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    industry    TEXT NOT NULL DEFAULT '',
    size        TEXT CHECK (size IN ('micro', 'small', 'medium', 'large', 'enterprise')),
    region      TEXT NOT NULL DEFAULT '',
    tier        TEXT CHECK (tier IN ('A', 'B', 'C')),
    owner       TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX customers_name_idx ON customers (name);
CREATE INDEX customers_updated_idx ON customers (updated_at);

CREATE TABLE contacts (
    id           TEXT PRIMARY KEY NOT NULL,
    customer_id  TEXT REFERENCES customers (id),
    name         TEXT NOT NULL,
    title        TEXT NOT NULL DEFAULT '',
    mobile       TEXT NOT NULL DEFAULT '',
    email        TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT
);
CREATE INDEX contacts_customer_idx ON contacts (customer_id);
CREATE INDEX contacts_name_idx ON contacts (name);

CREATE TABLE products (
    id            TEXT PRIMARY KEY NOT NULL,
    sku           TEXT NOT NULL,
    name          TEXT NOT NULL,
    product_line  TEXT NOT NULL DEFAULT '',
    unit          TEXT NOT NULL DEFAULT '',
    list_price    TEXT NOT NULL,
    cost          TEXT NOT NULL,
    tax_rate_pct  TEXT NOT NULL,
    currency      TEXT NOT NULL,
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT
);
-- A SKU is unique among live products; a deleted product frees its SKU.
CREATE UNIQUE INDEX products_sku_live_idx ON products (sku) WHERE deleted_at IS NULL;
CREATE INDEX products_line_idx ON products (product_line);

CREATE TABLE opportunities (
    id               TEXT PRIMARY KEY NOT NULL,
    customer_id      TEXT NOT NULL REFERENCES customers (id),
    name             TEXT NOT NULL,
    stage            TEXT NOT NULL CHECK (stage IN ('initial', 'qualified', 'proposal', 'negotiation', 'won', 'lost')),
    amount           TEXT NOT NULL,
    currency         TEXT NOT NULL,
    expected_close   TEXT,
    probability_pct  TEXT NOT NULL,
    competitor       TEXT NOT NULL DEFAULT '',
    owner            TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted_at       TEXT
);
CREATE INDEX opportunities_customer_idx ON opportunities (customer_id);
CREATE INDEX opportunities_stage_idx ON opportunities (stage);

-- Every stage an opportunity enters, with when: the funnel's days-in-stage come from here.
CREATE TABLE opportunity_stage_history (
    id              TEXT PRIMARY KEY NOT NULL,
    opportunity_id  TEXT NOT NULL REFERENCES opportunities (id),
    stage           TEXT NOT NULL CHECK (stage IN ('initial', 'qualified', 'proposal', 'negotiation', 'won', 'lost')),
    entered_at      TEXT NOT NULL
);
CREATE INDEX opportunity_stage_history_opp_idx ON opportunity_stage_history (opportunity_id, entered_at);

CREATE TABLE settings (
    key         TEXT PRIMARY KEY NOT NULL,
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
