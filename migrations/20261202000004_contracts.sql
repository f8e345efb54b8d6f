-- Contracts and legal review: the clause library (bilingual clauses by topic, each with the
-- fallback positions legal accepts, versioned), templates (ordered clause keys per contract
-- kind), contracts made from accepted quotes with their key terms and their own copy of every
-- clause, the status history, the legal review (checklist items per risk type, flags raised by
-- the risk rules) and sign-offs. Percentages are stored as percent (100 = 100%); money and
-- percentages are exact decimal TEXT. The default library is written by the app on first use
-- (src-tauri/core/src/contract/library*.rs), not here, so it is tested where it is written.

CREATE TABLE clauses (
    id          TEXT PRIMARY KEY NOT NULL,
    key         TEXT NOT NULL,
    version     INTEGER NOT NULL CHECK (version >= 1),
    topic       TEXT NOT NULL CHECK (topic IN ('parties', 'scope', 'price_payment', 'delivery_acceptance', 'intellectual_property',
                    'confidentiality', 'warranty', 'liability_indemnity', 'force_majeure', 'term_termination', 'dispute_resolution', 'governing_law')),
    title_zh    TEXT NOT NULL,
    title_en    TEXT NOT NULL,
    text_zh     TEXT NOT NULL,
    text_en     TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (key, version)
);

-- Legal's playbook positions for a clause version, in order of preference.
CREATE TABLE clause_fallbacks (
    id          TEXT PRIMARY KEY NOT NULL,
    clause_id   TEXT NOT NULL REFERENCES clauses (id),
    position    INTEGER NOT NULL CHECK (position >= 1),
    text_zh     TEXT NOT NULL,
    text_en     TEXT NOT NULL,
    UNIQUE (clause_id, position)
);

CREATE TABLE contract_templates (
    id          TEXT PRIMARY KEY NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('sales', 'distribution', 'service', 'nda')),
    version     INTEGER NOT NULL CHECK (version >= 1),
    name_zh     TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (kind, version)
);

-- The clauses of a template, in print order (the newest version of each key is used).
CREATE TABLE template_clauses (
    template_id  TEXT NOT NULL REFERENCES contract_templates (id),
    position     INTEGER NOT NULL CHECK (position >= 1),
    clause_key   TEXT NOT NULL,
    PRIMARY KEY (template_id, position)
);

CREATE TABLE contracts (
    id                       TEXT PRIMARY KEY NOT NULL,
    -- C-2026-0001, allocated in the transaction that creates the contract from its quote.
    number                   TEXT NOT NULL UNIQUE,
    quote_id                 TEXT NOT NULL REFERENCES quotes (id),
    customer_id              TEXT NOT NULL REFERENCES customers (id),
    template_id              TEXT NOT NULL REFERENCES contract_templates (id),
    kind                     TEXT NOT NULL CHECK (kind IN ('sales', 'distribution', 'service', 'nda')),
    status                   TEXT NOT NULL CHECK (status IN ('draft', 'in_review', 'changes_requested', 'approved', 'signed', 'active', 'expired', 'terminated')),
    currency                 TEXT NOT NULL,
    -- The accepted quote's total.
    contract_value           TEXT NOT NULL,
    contract_date            TEXT NOT NULL,
    -- Key terms; NULL = not agreed (the risk rules flag what is missing).
    payment_days             INTEGER CHECK (payment_days >= 0),
    delivery_days            INTEGER CHECK (delivery_days >= 0),
    acceptance_days          INTEGER CHECK (acceptance_days >= 0),
    liability_cap_pct        TEXT,
    warranty_months          INTEGER CHECK (warranty_months >= 0),
    term_months              INTEGER CHECK (term_months >= 0),
    auto_renew               INTEGER NOT NULL CHECK (auto_renew IN (0, 1)),
    non_renewal_notice_days  INTEGER CHECK (non_renewal_notice_days >= 0),
    public_body              INTEGER NOT NULL CHECK (public_body IN (0, 1)),
    owner                    TEXT NOT NULL DEFAULT '',
    created_at               TEXT NOT NULL,
    updated_at               TEXT NOT NULL,
    deleted_at               TEXT
);
CREATE INDEX contracts_quote_idx ON contracts (quote_id);
CREATE INDEX contracts_status_idx ON contracts (status);

-- The contract's own copy of each clause (placeholders kept; filled when printed or checked).
CREATE TABLE contract_clauses (
    id                 TEXT PRIMARY KEY NOT NULL,
    contract_id        TEXT NOT NULL REFERENCES contracts (id),
    position           INTEGER NOT NULL CHECK (position >= 1),
    -- The library clause it came from; NULL for a free-text clause.
    clause_key         TEXT,
    clause_version     INTEGER,
    topic              TEXT NOT NULL CHECK (topic IN ('parties', 'scope', 'price_payment', 'delivery_acceptance', 'intellectual_property',
                           'confidentiality', 'warranty', 'liability_indemnity', 'force_majeure', 'term_termination', 'dispute_resolution', 'governing_law')),
    title_zh           TEXT NOT NULL,
    title_en           TEXT NOT NULL,
    text_zh            TEXT NOT NULL,
    text_en            TEXT NOT NULL,
    source             TEXT NOT NULL CHECK (source IN ('standard', 'fallback', 'edited', 'free')),
    -- Which fallback position was chosen (source = 'fallback').
    fallback_position  INTEGER,
    updated_at         TEXT NOT NULL,
    UNIQUE (contract_id, position)
);

CREATE TABLE contract_events (
    id           TEXT PRIMARY KEY NOT NULL,
    contract_id  TEXT NOT NULL REFERENCES contracts (id),
    from_status  TEXT,
    to_status    TEXT NOT NULL,
    actor        TEXT NOT NULL,
    role         TEXT NOT NULL,
    comment      TEXT NOT NULL DEFAULT '',
    at           TEXT NOT NULL
);
CREATE INDEX contract_events_contract_idx ON contract_events (contract_id, at);

-- One review per contract; `round` grows each time a change reopens it.
CREATE TABLE contract_reviews (
    id           TEXT PRIMARY KEY NOT NULL,
    contract_id  TEXT NOT NULL UNIQUE REFERENCES contracts (id),
    round        INTEGER NOT NULL CHECK (round >= 1),
    last_run_at  TEXT,
    created_at   TEXT NOT NULL
);

-- The checklist: items per risk type, with the mitigation legal expects and legal's decision.
CREATE TABLE review_items (
    id              TEXT PRIMARY KEY NOT NULL,
    review_id       TEXT NOT NULL REFERENCES contract_reviews (id),
    risk_type       TEXT NOT NULL CHECK (risk_type IN ('payment', 'delivery', 'ip', 'liability', 'termination')),
    item_key        TEXT NOT NULL,
    text_zh         TEXT NOT NULL,
    text_en         TEXT NOT NULL,
    mitigation_zh   TEXT NOT NULL,
    mitigation_en   TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('pending', 'pass', 'accepted', 'change_required')),
    reason          TEXT NOT NULL DEFAULT '',
    decided_by      TEXT,
    decided_at      TEXT,
    UNIQUE (review_id, item_key)
);

-- What the risk rules raised. A flag that no longer fires after a change is resolved; a
-- waiver needs a reason and is audited.
CREATE TABLE review_flags (
    id                 TEXT PRIMARY KEY NOT NULL,
    review_id          TEXT NOT NULL REFERENCES contract_reviews (id),
    rule_id            TEXT NOT NULL,
    category           TEXT NOT NULL CHECK (category IN ('payment', 'delivery', 'ip', 'liability', 'termination')),
    severity           TEXT NOT NULL CHECK (severity IN ('high', 'medium', 'low')),
    -- The contract clause position it points at; NULL for the structured terms or the whole text.
    clause_position    INTEGER,
    excerpt            TEXT NOT NULL,
    why_zh             TEXT NOT NULL,
    why_en             TEXT NOT NULL,
    suggestion_zh      TEXT NOT NULL,
    suggestion_en      TEXT NOT NULL,
    -- The library fallback suggested, when there is one.
    fallback_key       TEXT,
    fallback_position  INTEGER,
    status             TEXT NOT NULL CHECK (status IN ('open', 'resolved', 'waived')),
    reason             TEXT NOT NULL DEFAULT '',
    decided_by         TEXT,
    decided_at         TEXT,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);
CREATE INDEX review_flags_review_idx ON review_flags (review_id, status);

-- Legal's sign-off; revoked (not deleted) when a change reopens the review.
CREATE TABLE contract_signoffs (
    id           TEXT PRIMARY KEY NOT NULL,
    contract_id  TEXT NOT NULL REFERENCES contracts (id),
    round        INTEGER NOT NULL,
    actor        TEXT NOT NULL,
    role         TEXT NOT NULL CHECK (role = 'legal'),
    comment      TEXT NOT NULL DEFAULT '',
    at           TEXT NOT NULL,
    revoked_at   TEXT
);
CREATE INDEX contract_signoffs_contract_idx ON contract_signoffs (contract_id);
