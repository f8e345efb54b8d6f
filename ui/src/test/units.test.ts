// Small pure pieces: error normalisation, initial language, form value conversion,
// and that both translation files define the same keys.
import { describe, expect, it } from "vitest";
import { isIpcError, toIpcError } from "../ipc/call";
import { initialLanguage } from "../i18n/initialLanguage";
import en from "../i18n/en.json";
import zhCN from "../i18n/zh-CN.json";
import { fromFormValues, toFormValues } from "../table/formValues";
import { opportunitiesTable } from "../tables/opportunities";
import { contactsTable } from "../tables/contacts";
import { amountText, percentText } from "../format/display";
import { costPlus, groupDigits } from "../format/decimal";
import type { ErrorKind } from "../bindings/ErrorKind";
import type { FieldCode } from "../bindings/FieldCode";

// Records keyed by the generated unions: tsc fails here when Rust adds a code or kind.
const FIELD_CODES: Record<FieldCode, null> = {
  required: null, too_long: null, invalid_number: null, negative: null, out_of_range: null,
  too_many_decimals: null, invalid_email: null, invalid_date: null, invalid_currency: null,
  unknown_value: null, duplicate: null, invalid_reference: null, missing_column: null, unreadable: null,
  masked: null,
};
const ERROR_KINDS: Record<ErrorKind, null> = {
  validation: null, not_found: null, conflict: null, import_rejected: null, io: null, database: null,
  locked: null, cancelled: null, internal: null,
};

describe("toIpcError / isIpcError", () => {
  it("keeps a well-formed IpcError", () => {
    const e = { kind: "conflict", message: "changed", fields: [], problems: [] };
    expect(isIpcError(e)).toBe(true);
    expect(toIpcError(e)).toBe(e);
  });
  it("fills missing lists and maps unknown kinds to internal", () => {
    expect(toIpcError({ kind: "validation", message: "m" })).toEqual({ kind: "validation", message: "m", fields: [], problems: [] });
    expect(toIpcError({ kind: "weird", message: "m" }).kind).toBe("internal");
  });
  it("turns strings and Errors into internal errors", () => {
    expect(toIpcError("boom")).toEqual({ kind: "internal", message: "boom", fields: [], problems: [] });
    expect(toIpcError(new TypeError("x")).message).toBe("x");
    expect(isIpcError("boom")).toBe(false);
  });
});

describe("initialLanguage", () => {
  it("prefers the saved language", () => {
    expect(initialLanguage({ language: "en", os_locale: "zh-CN" }, "zh-CN")).toBe("en");
  });
  it("uses Chinese for a Chinese OS or webview locale, else English", () => {
    expect(initialLanguage({ language: null, os_locale: "zh-Hans-CN" }, "en-US")).toBe("zh-CN");
    expect(initialLanguage({ language: null, os_locale: null }, "zh-TW")).toBe("zh-CN");
    expect(initialLanguage({ language: null, os_locale: "fr-FR" }, "en-US")).toBe("en");
  });
});

describe("form values", () => {
  it("round-trips nullable dates and references as null, money as exact strings", () => {
    const input = opportunitiesTable.emptyInput();
    const values = toFormValues(input, opportunitiesTable.fields);
    expect(values.expected_close).toBe("");
    expect(values.customer_id).toBeUndefined();
    const out = fromFormValues({ ...values, amount: "12800.10", expected_close: "2026-03-31", customer_id: "c1" }, input, opportunitiesTable.fields);
    expect(out).toMatchObject({ id: null, amount: "12800.10", expected_close: "2026-03-31", customer_id: "c1", stage: "initial" });
    expect(fromFormValues({ ...values }, input, opportunitiesTable.fields).expected_close).toBeNull();
  });
  it("sends null for a cleared optional customer", () => {
    const input = { ...contactsTable.emptyInput(), customer_id: "c1" };
    expect(fromFormValues({ customer_id: undefined, name: "李雷" }, input, contactsTable.fields).customer_id).toBeNull();
  });
});

describe("display", () => {
  it("shows amounts with the currency and rates with %", () => {
    expect(amountText("12800.00", "CNY")).toBe("12800.00 CNY");
    expect(percentText("13")).toBe("13%");
  });
});

describe("translations", () => {
  const keys = (o: object, prefix = ""): string[] =>
    Object.entries(o).flatMap(([k, v]) => (typeof v === "object" ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
  it("zh-CN and en define the same keys", () => {
    expect(keys(zhCN).sort()).toEqual(keys(en).sort());
  });
  it("localise every field error code and error kind", () => {
    for (const lang of [en, zhCN]) {
      expect(Object.keys(lang.fieldError).sort()).toEqual(Object.keys(FIELD_CODES).sort());
      expect(Object.keys(lang.errorKind).sort()).toEqual(Object.keys(ERROR_KINDS).sort());
    }
  });
  it("uses the agreed stage labels", () => {
    expect(Object.values(zhCN.stage)).toEqual(["初步接触", "需求确认", "方案制定", "商务谈判", "成交", "输单"]);
    expect(Object.values(en.stage)).toEqual(["Initial contact", "Needs confirmed", "Proposal", "Negotiation", "Won", "Lost"]);
  });
});

describe("exact decimals (format/decimal)", () => {
  it("cost-plus rounds half-up without floats", () => {
    expect(costPlus("1000", "35")).toBe("1350.00");
    expect(costPlus("0.1", "12.5")).toBe("0.11");
    expect(costPlus("19.99", "33.333")).toBe("26.65");
    expect(costPlus("2.005", "0")).toBe("2.01");
    expect(costPlus("abc", "35")).toBeNull();
  });
  it("groups digits of decimal strings only", () => {
    expect(groupDigits("1234567.50")).toBe("1,234,567.50");
    expect(groupDigits("-1000")).toBe("-1,000");
    expect(groupDigits("999.999")).toBe("999.999");
    expect(groupDigits("n/a")).toBe("n/a");
  });
});
