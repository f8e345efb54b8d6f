#!/usr/bin/env python3
"""Microsoft Presidio on DealDesk's masking benchmark input, for the side-by-side in
bench/masking/RESULTS.md.

Input: `bench.csv` and `truth.tsv` written by
    MASK_BENCH_OUT=/tmp/mask-bench MASK_BENCH_MB=200 \
    cargo test --release -p dealdesk-core --test mask_speed -- --ignored --nocapture
(`kind<TAB>start<TAB>end`, character offsets into the whole file).

Presidio runs with the recognizers it ships (credit card, e-mail, phone, IP, URL, IBAN, the
US/UK/… national IDs, dates) plus the phone recognizer told about China ("CN" among its
regions, which a Chinese user would configure). Its NER model (spaCy en_core_web_*) is not on
PyPI and this machine reaches no other index, so the NLP engine is a blank spaCy English
pipeline: names and addresses (NER) are not measured on either side of the comparison; none of
the five kinds the issue scores (resident ID, USCC, mobile, bank card, e-mail) needs NER.

Presidio is slow, so it reads the first --mb megabytes (cut at a line end) line by line, as a
user would call it per cell or per record; throughput is MB of that prefix per second.

    python3 bench/masking/presidio_bench.py --dir /tmp/mask-bench [--mb 2]
"""
import argparse
import collections
import time
from pathlib import Path

import spacy
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.nlp_engine import SpacyNlpEngine
from presidio_analyzer.predefined_recognizers import PhoneRecognizer
from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig

# Presidio entity -> the DealDesk kinds it may stand for (scored as a hit when the span and one
# of these kinds match the ground truth).
MAP = {
    "EMAIL_ADDRESS": {"email"},
    "PHONE_NUMBER": {"mobile", "landline"},
    "CREDIT_CARD": {"bank_card"},
    "IP_ADDRESS": {"ipv4", "ipv6"},
    "PERSON": {"name"},
    "LOCATION": {"address"},
    "DATE_TIME": {"birth_date"},
}
SCORED = ["resident_id", "uscc", "mobile", "bank_card", "email", "landline", "passport", "ipv4"]


class BlankSpacy(SpacyNlpEngine):
    """spaCy tokenisation only (no NER model is installable offline)."""

    def load(self):
        self.nlp = {"en": spacy.blank("en")}


def engine():
    nlp = BlankSpacy(models=[{"lang_code": "en", "model_name": "blank"}])
    nlp.load()
    registry = RecognizerRegistry()
    registry.load_predefined_recognizers(nlp_engine=nlp)
    registry.remove_recognizer("PhoneRecognizer")
    registry.add_recognizer(PhoneRecognizer(supported_regions=("CN", "US", "UK", "DE", "IN")))
    return AnalyzerEngine(registry=registry, nlp_engine=nlp, supported_languages=["en"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", type=Path, required=True)
    ap.add_argument("--mb", type=float, default=2.0)
    args = ap.parse_args()
    text = (args.dir / "bench.csv").read_text(encoding="utf-8")
    limit = int(args.mb * (1 << 20))
    prefix = text.encode("utf-8")[:limit].decode("utf-8", "ignore")
    prefix = prefix[: prefix.rfind("\n") + 1]
    size_mb = len(prefix.encode("utf-8")) / (1 << 20)
    end_chars = len(prefix)
    truth = set()
    for line in (args.dir / "truth.tsv").read_text().splitlines():
        kind, s, e = line.split("\t")
        if int(e) <= end_chars:
            truth.add((kind, int(s), int(e)))

    analyzer = engine()
    anonymizer = AnonymizerEngine()
    found = set()
    started = time.perf_counter()
    offset = 0
    results_per_line = []
    for line in prefix.splitlines(keepends=True):
        res = analyzer.analyze(text=line, language="en")
        results_per_line.append((line, res))
        for r in res:
            found.add((r.entity_type, offset + r.start, offset + r.end))
        offset += len(line)
    analyze_s = time.perf_counter() - started
    started = time.perf_counter()
    ops = {"DEFAULT": OperatorConfig("mask", {"masking_char": "*", "chars_to_mask": 100, "from_end": False})}
    for line, res in results_per_line:
        anonymizer.anonymize(text=line, analyzer_results=res, operators=ops)
    anonymize_s = time.perf_counter() - started

    table = collections.defaultdict(lambda: [0, 0, 0])  # tp, fp, fn per DealDesk kind
    by_span = collections.defaultdict(set)
    for kind, s, e in truth:
        by_span[(s, e)].add(kind)
    matched = set()
    for ent, s, e in found:
        kinds = MAP.get(ent, set())
        hit = kinds & by_span.get((s, e), set())
        if hit:
            k = sorted(hit)[0]
            table[k][0] += 1
            matched.add((k, s, e))
        else:
            table[sorted(kinds)[0] if kinds else f"presidio:{ent}"][1] += 1
    for t in truth - matched:
        table[t[0]][2] += 1

    print(f"presidio on the first {size_mb:.2f} MB ({prefix.count(chr(10))} lines), {len(truth)} true spans")
    print(f"analyze: {size_mb / analyze_s:.3f} MB/s ({analyze_s:.1f} s); anonymize: {size_mb / anonymize_s:.3f} MB/s ({anonymize_s:.1f} s); both: {size_mb / (analyze_s + anonymize_s):.3f} MB/s")
    print(f"{'kind':<16}{'true pos':>9}{'false+':>8}{'missed':>8}{'recall':>9}{'precision':>10}")
    for kind in SCORED + sorted(k for k in table if k not in SCORED):
        tp, fp, fn = table[kind]
        if tp + fp + fn == 0:
            continue
        recall = tp / max(tp + fn, 1)
        precision = tp / max(tp + fp, 1)
        print(f"{kind:<16}{tp:>9}{fp:>8}{fn:>8}{recall:>9.4f}{precision:>10.4f}")
    # PHONE_NUMBER stands for mobiles and landlines; its false positives are filed under
    # landline above (the first of the two by name), so score the two together as well.
    tp, fp, fn = (sum(table[k][i] for k in ("mobile", "landline")) for i in range(3))
    print(f"{'phone (both)':<16}{tp:>9}{fp:>8}{fn:>8}{tp / max(tp + fn, 1):>9.4f}{tp / max(tp + fp, 1):>10.4f}")


if __name__ == "__main__":
    main()
