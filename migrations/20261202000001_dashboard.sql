-- Sales dashboard: revenue targets per period (team and per owner), marketing and sales cost
-- per period (CAC), and a change feed that lets the window keep its in-memory report
-- snapshot current without re-reading a million opportunities on every refresh.

-- A target for one period ('2026', '2026-H1', '2026-Q3', '2026-09') and owner ('' = the
-- whole team). Periods without a row get theirs from the periods around them (see
-- src-tauri/core/src/report/targets.rs).
CREATE TABLE sales_targets (
    id          TEXT PRIMARY KEY NOT NULL,
    period      TEXT NOT NULL,
    owner       TEXT NOT NULL DEFAULT '',
    currency    TEXT NOT NULL,
    amount      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (period, owner, currency)
);

-- What was spent to win customers in a period, for CAC.
CREATE TABLE period_costs (
    id              TEXT PRIMARY KEY NOT NULL,
    period          TEXT NOT NULL,
    currency        TEXT NOT NULL,
    marketing_cost  TEXT NOT NULL,
    sales_cost      TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (period, currency)
);

-- Which opportunities and customers changed since a snapshot was taken (seq only grows).
-- Filled by triggers, so no write path can forget it; the window deletes what it has read.
CREATE TABLE report_changes (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    opportunity_id  TEXT,
    customer_id     TEXT
);

CREATE TRIGGER report_changes_opportunity_insert AFTER INSERT ON opportunities
BEGIN
    INSERT INTO report_changes (opportunity_id) VALUES (NEW.id);
END;

CREATE TRIGGER report_changes_opportunity_update AFTER UPDATE ON opportunities
BEGIN
    INSERT INTO report_changes (opportunity_id) VALUES (NEW.id);
END;

CREATE TRIGGER report_changes_history_insert AFTER INSERT ON opportunity_stage_history
BEGIN
    INSERT INTO report_changes (opportunity_id) VALUES (NEW.opportunity_id);
END;

CREATE TRIGGER report_changes_customer_insert AFTER INSERT ON customers
BEGIN
    INSERT INTO report_changes (customer_id) VALUES (NEW.id);
END;

CREATE TRIGGER report_changes_customer_update AFTER UPDATE ON customers
BEGIN
    INSERT INTO report_changes (customer_id) VALUES (NEW.id);
END;

-- The funnel and KPIs read opportunities by currency and owner.
CREATE INDEX opportunities_currency_owner_idx ON opportunities (currency, owner);
