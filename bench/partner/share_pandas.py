#!/usr/bin/env python3
"""The partner statements of `dealdesk bench share` written with pandas, for comparison.

Reads the same files (`sales.csv`, the plan built into the bench: net base, invoice trigger,
marginal tiers over each partner's quarter, overrides servers+government 2 %, servers 4 %,
software retroactive per-line tiers 10/15 %, government 2.5 %, service points installation
+1 and training +0.5, full refunds clawing back what their original earned) and computes
every partner's 2026-Q4 statement total, vectorised with pandas/numpy. Money is kept in
integer cents and shares in cents x basis points, rounded half away from zero once per line,
as DealDesk does, so the two can be compared to the cent (`--check`).

    python3 bench/partner/share_pandas.py --dir /tmp/share-bench [--runs 3] [--check]

Prints read and compute times (medians) and the peak memory of the process.
"""
import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

QUARTER = 4
TIERS = [(0, 100_000_000, 300), (100_000_000, 500_000_000, 500), (500_000_000, None, 800)]  # cents, bp


def read(path):
    return pd.read_csv(
        path,
        dtype={"line_ref": str, "partner_code": str, "customer_type": str, "product_line": str,
               "services": str, "refund_of": str, "invoiced_on": str, "invoice_status": str},
        keep_default_na=False,
    )


def cents(series):
    return (pd.to_numeric(series) * 100).round().astype("int64")


def round_half_away(num):
    """num is cents x 10,000 (cents times basis points); returns whole cents."""
    q = (np.abs(num) + 5_000) // 10_000
    return np.where(num < 0, -q, q)


def compute(df):
    is_refund = (df["refund_of"] != "").to_numpy()
    sign = np.where(is_refund, -1, 1)
    net = (cents(df["amount"]) - cents(df["discount"])).to_numpy()
    base = np.maximum(net * sign, 0) * sign
    inv = pd.to_datetime(df["invoiced_on"].replace("", None), format="%Y-%m-%d")
    triggered = inv.notna().to_numpy()
    quarter = inv.dt.quarter.fillna(0).astype("int64").to_numpy()

    sales = pd.DataFrame({
        "partner": df["partner_code"], "line": df["line_ref"], "on": inv, "q": quarter, "base": base,
        "pl": df["product_line"], "ct": df["customer_type"], "services": df["services"],
    })[triggered & ~is_refund]
    sales = sales.sort_values(["partner", "q", "on", "line"], kind="stable")
    b = sales["base"].to_numpy()
    before = sales.groupby(["partner", "q"], sort=False)["base"].cumsum().to_numpy() - b
    pl, ct = sales["pl"].to_numpy(), sales["ct"].to_numpy()

    # The most specific override wins: product line + customer type, product line, customer type.
    num = np.zeros(len(sales), dtype="int64")
    srv_gov = (pl == "servers") & (ct == "government")
    srv = (pl == "servers") & ~srv_gov
    soft = pl == "software"
    gov = (ct == "government") & ~srv_gov & ~srv & ~soft
    default = ~(srv_gov | srv | soft | gov)
    num += np.where(srv_gov, b * 200, 0)
    num += np.where(srv, b * 400, 0)
    num += np.where(soft, b * np.where(b >= 5_000_000, 1_500, 1_000), 0)
    num += np.where(gov, b * 250, 0)
    end = before + b
    for lo, hi, bp in TIERS:
        top = end if hi is None else np.minimum(end, hi)
        slice_ = np.clip(top - np.maximum(before, lo), 0, None)
        num += np.where(default, slice_ * bp, 0)
    services = sales["services"]
    num += b * 100 * services.str.contains("installation").to_numpy()
    num += b * 50 * services.str.contains("training").to_numpy()
    sales = sales.assign(share=round_half_away(num))

    refunds = pd.DataFrame({"partner": df["partner_code"], "of": df["refund_of"], "q": quarter})[triggered & is_refund]
    earned = sales.set_index("line")["share"]
    refunds = refunds.assign(share=-earned.reindex(refunds["of"]).fillna(0).astype("int64").to_numpy())

    per_q = pd.concat([sales[["partner", "q", "share"]], refunds[["partner", "q", "share"]]])
    totals = per_q.groupby(["partner", "q"])["share"].sum()
    if (totals < 0).any():
        sys.exit("a quarter ended below zero: the negative carry-forward is not modelled in this script")

    q4 = per_q[per_q["q"] == QUARTER].groupby("partner").agg(lines=("share", "size"), total=("share", "sum"))
    pending = df[~triggered].groupby("partner_code").size().rename("pending")
    partners = pd.Index(sorted(df["partner_code"].unique()), name="partner")
    out = q4.reindex(partners).join(pending.reindex(partners)).fillna(0).astype("int64")
    return out


def money(c):
    sign = "-" if c < 0 else ""
    c = abs(int(c))
    return f"{sign}{c // 100}.{c % 100:02d}"


def check(out, path):
    theirs = pd.read_csv(path, encoding="utf-8-sig", dtype={"payee": str, "total": str})
    theirs = theirs.set_index("payee")
    diffs = [(p, money(r.total), theirs.at[p, "total"]) for p, r in out.iterrows() if p not in theirs.index or money(r.total) != theirs.at[p, "total"]]
    extra = set(theirs.index) - set(out.index)
    if diffs or extra:
        for p, mine, dd in diffs[:10]:
            print(f"  {p}: pandas {mine}, DealDesk {dd}")
        sys.exit(f"{len(diffs)} partner totals differ, {len(extra)} partners only in DealDesk's output")
    print(f"check: all {len(out)} partner totals equal DealDesk's {path.name} to the cent")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True, type=Path)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--check", action="store_true", help="compare with dealdesk-2026-Q4.csv in --dir")
    args = ap.parse_args()
    reads, computes, out = [], [], None
    for _ in range(max(args.runs, 1)):
        t0 = time.perf_counter()
        df = read(args.dir / "sales.csv")
        t1 = time.perf_counter()
        out = compute(df)
        t2 = time.perf_counter()
        reads.append(t1 - t0)
        computes.append(t2 - t1)
    r, c = statistics.median(reads), statistics.median(computes)
    print(f"pandas {pd.__version__}, numpy {np.__version__}: {len(df)} lines, {len(out)} partners, total {money(out['total'].sum())} CNY")
    print(f"read_csv (median of {len(reads)}): {r * 1000:.0f} ms")
    print(f"compute (median): {c * 1000:.0f} ms")
    print(f"read + compute: {(r + c) * 1000:.0f} ms")
    print(f"peak resident memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MiB")
    out.assign(total=out["total"].map(money)).to_csv(args.dir / "pandas-2026-Q4.csv")
    if args.check:
        check(out, args.dir / "dealdesk-2026-Q4.csv")


if __name__ == "__main__":
    main()
