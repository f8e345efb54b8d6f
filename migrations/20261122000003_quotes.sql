-- Quotes: one row per revision (a family shares its number; R2, R3… are later revisions of
-- an approved quote), their lines, every status change with who and when, gap-free yearly
-- number sequences, and per-product volume breaks for the pricing rules. Money, rates and
-- quantities are exact decimal TEXT; percentages are stored as percent (10 = 10%).

CREATE TABLE quotes (
    id               TEXT PRIMARY KEY NOT NULL,
    -- The first revision's id; every revision of one quote shares it.
    family_id        TEXT NOT NULL,
    revision         INTEGER NOT NULL CHECK (revision >= 1),
    -- Allocated when the quote is first submitted (Q-2026-0001); shared by the revisions.
    number           TEXT,
    status           TEXT NOT NULL CHECK (status IN ('draft', 'pending_approval', 'approved', 'sent', 'accepted', 'rejected', 'expired', 'superseded')),
    customer_id      TEXT NOT NULL REFERENCES customers (id),
    opportunity_id   TEXT REFERENCES opportunities (id),
    currency         TEXT NOT NULL,
    -- Units of CNY per one unit of `currency` on the quote's date (1 for CNY).
    exchange_rate    TEXT NOT NULL,
    tax_inclusive    INTEGER NOT NULL CHECK (tax_inclusive IN (0, 1)),
    discount_pct     TEXT NOT NULL,
    quote_date       TEXT NOT NULL,
    valid_until      TEXT NOT NULL,
    labels           TEXT NOT NULL CHECK (labels IN ('bilingual', 'zh', 'en')),
    paper            TEXT NOT NULL CHECK (paper IN ('a4', 'letter')),
    notes            TEXT NOT NULL DEFAULT '',
    terms            TEXT NOT NULL DEFAULT '',
    -- The approval level the quote needed when it was submitted ('none', 'manager', 'director').
    -- The total as last saved, for the list (the window recomputes it from the lines).
    total            TEXT NOT NULL DEFAULT '0',
    approval_level   TEXT NOT NULL DEFAULT 'none' CHECK (approval_level IN ('none', 'manager', 'director')),
    owner            TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted_at       TEXT,
    UNIQUE (family_id, revision)
);
CREATE INDEX quotes_family_idx ON quotes (family_id, revision);
CREATE INDEX quotes_number_idx ON quotes (number);
CREATE INDEX quotes_customer_idx ON quotes (customer_id);
CREATE INDEX quotes_status_idx ON quotes (status);

CREATE TABLE quote_lines (
    id             TEXT PRIMARY KEY NOT NULL,
    quote_id       TEXT NOT NULL REFERENCES quotes (id),
    position       INTEGER NOT NULL,
    product_id     TEXT REFERENCES products (id),
    sku            TEXT NOT NULL DEFAULT '',
    description    TEXT NOT NULL,
    unit           TEXT NOT NULL DEFAULT '',
    quantity       TEXT NOT NULL,
    unit_price     TEXT NOT NULL,
    discount_pct   TEXT NOT NULL,
    tax_rate_pct   TEXT NOT NULL,
    -- Internal: cost per unit, for the margin columns; never printed.
    unit_cost      TEXT NOT NULL,
    UNIQUE (quote_id, position)
);

CREATE TABLE quote_events (
    id           TEXT PRIMARY KEY NOT NULL,
    quote_id     TEXT NOT NULL REFERENCES quotes (id),
    from_status  TEXT,
    to_status    TEXT NOT NULL,
    actor        TEXT NOT NULL,
    role         TEXT NOT NULL,
    comment      TEXT NOT NULL DEFAULT '',
    at           TEXT NOT NULL
);
CREATE INDEX quote_events_quote_idx ON quote_events (quote_id, at);

-- Gap-free numbering: the next number per document kind and year, taken inside the
-- transaction that confirms the document, so a rolled-back confirmation takes none.
CREATE TABLE number_sequences (
    kind     TEXT NOT NULL,
    year     INTEGER NOT NULL,
    next     INTEGER NOT NULL CHECK (next >= 1),
    PRIMARY KEY (kind, year)
);

-- Volume breaks: from `min_quantity` units on, a line of this product gets `discount_pct`.
CREATE TABLE volume_breaks (
    id            TEXT PRIMARY KEY NOT NULL,
    product_id    TEXT NOT NULL REFERENCES products (id),
    min_quantity  TEXT NOT NULL,
    discount_pct  TEXT NOT NULL,
    UNIQUE (product_id, min_quantity)
);
