#!/usr/bin/env python3
"""Renders the same 60-line bilingual quote three ways and prints ms/doc and file size:

  ours        dealdesk-core's PDF engine, in process, font parsed once (release build)
  wkhtmltopdf the quote as HTML, one process per document
  chromium    the quote as HTML, headless --print-to-pdf, one process per document

Usage: python3 bench/pdf/compare.py [--runs N]
Needs: cargo, wkhtmltopdf, chromium (apt-get install wkhtmltopdf chromium), fonts-noto-cjk.
The document is `sample_quote(60)` exported as JSON by the `write_samples` test, so all three
render the same content.
"""

import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(os.environ.get("PDFCHECK_DIR", "/tmp/pdfcheck"))
ENV = dict(os.environ, CARGO_TARGET_DIR=os.environ.get("CARGO_TARGET_DIR", "/var/tmp/dealdesk-target"), PDFCHECK_DIR=str(OUT))


def cargo_test(name: str) -> str:
    cmd = ["cargo", "test", "--release", "-p", "dealdesk-core", "--test", "pdf", name, "--", "--ignored", "--nocapture"]
    return subprocess.run(cmd, cwd=ROOT, env=ENV, check=True, capture_output=True, text=True).stdout


def money(v: str, cur: str) -> str:
    d = Decimal(v)
    places = 0 if cur in ("JPY", "KRW") else 2
    return f"{d:,.{places}f}"


def quote_html(doc: dict) -> str:
    cur = doc["currency"]
    lh = doc["letterhead"]
    c = doc["customer"]
    rows = []
    for li in doc["lines"]:
        disc = "" if Decimal(li["discount_pct"]) == 0 else f"{Decimal(li['discount_pct']).normalize()}%"
        desc = html.escape(li["description"]).replace("\n", "<br>")
        rows.append(
            f"<tr><td class=c>{li['no']}</td><td>{html.escape(li['sku'])}</td><td>{desc}</td><td class=c>{html.escape(li['unit'])}</td>"
            f"<td class=r>{Decimal(li['quantity']).normalize()}</td><td class=r>{money(li['unit_price'], cur)}</td><td class=r>{disc}</td>"
            f"<td class=r>{money(li['amount'], cur)}</td></tr>"
        )
    t = doc["totals"]
    totals = [("小计 Subtotal", money(t["subtotal"], cur))]
    if Decimal(t["discount"]) != 0:
        totals.append(("折扣 Discount", "-" + money(t["discount"], cur)))
    for tax in t["tax_lines"]:
        totals.append((f"税额 Tax ({Decimal(tax['rate_pct']).normalize()}%)", money(tax["amount"], cur)))
    totals.append((f"合计 Total ({cur})", money(t["total"], cur)))
    totals_html = "".join(f"<tr><td>{k}</td><td class=r>{v}</td></tr>" for k, v in totals)
    terms = "".join(f"<p>{html.escape(p)}</p>" for p in doc["terms"].split("\n"))
    return f"""<!doctype html><html><head><meta charset="utf-8"><style>
@page {{ size: A4; margin: 14mm 14mm 18mm 14mm; }}
body {{ font-family: 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif; font-size: 8pt; color: #111; }}
h1 {{ font-size: 18pt; text-align: right; margin: 0; }}
table.items {{ width: 100%; border-collapse: collapse; margin-top: 10pt; }}
table.items th {{ background: #ebebeb; font-size: 7.5pt; border: 0.5pt solid #888; }}
table.items td {{ border: 0.5pt solid #aaa; padding: 3pt; vertical-align: top; }}
thead {{ display: table-header-group; }} tr {{ page-break-inside: avoid; }}
.r {{ text-align: right; }} .c {{ text-align: center; }}
table.totals {{ margin-left: auto; width: 250pt; margin-top: 8pt; }}
.sig {{ display: flex; gap: 20pt; margin-top: 12pt; page-break-inside: avoid; }}
.sig div {{ flex: 1; border: 0.5pt solid #999; height: 110pt; padding: 6pt; }}
</style></head><body>
<h1>报价单 Quotation</h1>
<div><b style="font-size:12.5pt">{html.escape(lh['company_name'])}</b><br>地址 Address: {html.escape(lh['address'])}<br>
税号 Tax No.: {html.escape(lh['tax_number'])}<br>开户行 Bank: {html.escape(lh['bank_name'])} 账号 Account: {html.escape(lh['bank_account'])}<br>电话 Phone: {html.escape(lh['phone'])}</div>
<hr><div>客户 Customer<br><b>{html.escape(c['name'])}</b><br>地址 Address: {html.escape(c['address'])}<br>联系人 Contact: {html.escape(c['contact_name'])}<br>
电话 Phone: {html.escape(c['phone'])} 邮箱 Email: {html.escape(c['email'])}</div>
<div>报价单号 Quote No. {html.escape(doc.get('number') or '')} · 日期 Date {doc['date']} · 有效期至 Valid until {doc.get('valid_until') or ''} · 币种 Currency {cur}</div>
<table class=items><thead><tr><th>序号<br>No.</th><th>物料编码<br>SKU</th><th>描述<br>Description</th><th>单位<br>Unit</th><th>数量<br>Qty</th>
<th>单价<br>Unit price</th><th>折扣<br>Disc.</th><th>金额<br>Amount</th></tr></thead><tbody>{''.join(rows)}</tbody></table>
<table class=totals>{totals_html}</table>
<p>大写金额 Amount in words<br><b>{html.escape(doc['amount_in_words'])}</b><br>{html.escape(doc.get('amount_in_words_en') or '')}</p>
<h4>条款与备注 Terms &amp; notes</h4>{terms}
<div class=sig><div><b>买方 Buyer</b><br>{html.escape(c['name'])}<br><br>签字 Signature: ________<br><br>盖章 Seal<br><br>日期 Date: ________</div>
<div><b>卖方 Seller</b><br>{html.escape(lh['company_name'])}<br><br>签字 Signature: ________<br><br>盖章 Seal<br><br>日期 Date: ________</div></div>
</body></html>"""


def time_runs(cmd_for, runs: int, out: Path) -> tuple[float, int]:
    subprocess.run(cmd_for(out), check=True, capture_output=True)  # warm-up (font cache)
    start = time.perf_counter()
    for _ in range(runs):
        subprocess.run(cmd_for(out), check=True, capture_output=True)
    return (time.perf_counter() - start) * 1000 / runs, out.stat().st_size


def pages(pdf: Path) -> str:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    m = re.search(r"Pages:\s+(\d+)", info)
    return m.group(1) if m else "?"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)

    cargo_test("write_samples")
    speed = cargo_test("render_speed")
    doc = json.loads((OUT / "quote60.json").read_text(encoding="utf-8"))
    results = []
    font = None
    for line in speed.splitlines():
        if "load" in line and ":" in line:
            font = Path(line.split(":")[0]).name
        m = re.match(r"\s+60 lines: ([\d.]+) ms/doc, (\d+) bytes", line)
        if m and font:
            results.append((f"ours ({font})", float(m.group(1)), int(m.group(2)), "in process"))

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "quote60.html"
        src.write_text(quote_html(doc), encoding="utf-8")
        if shutil.which("wkhtmltopdf"):
            out = OUT / "quote60-wkhtmltopdf.pdf"
            ms, size = time_runs(lambda o: ["wkhtmltopdf", "-q", "--encoding", "utf-8", "-s", "A4", str(src), str(o)], args.runs, out)
            results.append(("wkhtmltopdf", ms, size, f"{pages(out)} pages"))
        else:
            print("wkhtmltopdf not installed: apt-get install wkhtmltopdf", file=sys.stderr)
        chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
        if chromium:
            out = OUT / "quote60-chromium.pdf"
            cmd = lambda o: [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", f"--print-to-pdf={o}", src.as_uri()]
            ms, size = time_runs(cmd, args.runs, out)
            results.append(("chromium --headless", ms, size, f"{pages(out)} pages"))
        else:
            print("chromium not installed: apt-get install chromium", file=sys.stderr)

    print(f"{'renderer':<40} {'ms/doc':>10} {'bytes':>10}  note")
    for name, ms, size, note in results:
        print(f"{name:<40} {ms:>10.2f} {size:>10}  {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
