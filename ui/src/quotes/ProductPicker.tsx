// A select that searches the price book (SKU or name, server-side through list_products) and
// hands the picked product over: "Add product" in the builder (which prices the line and
// clears the select again), and the product of the volume-break editor in Settings.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Select, Spin } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Product } from "../bindings/Product";
import { groupDigits } from "../format/decimal";
import { productsApi } from "../ipc/commands";
import { useDebounced } from "../table/useDebounced";

type Props = {
  disabled?: boolean;
  /** The product shown as chosen; none for a picker that clears after each pick. */
  value?: Product | null;
  placeholder?: string;
  testId?: string;
  onPick: (product: Product) => void;
};

export function ProductPicker({ disabled, value = null, placeholder, testId = "quote-add-product", onPick }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const term = useDebounced(search.trim(), 250);
  const { data, isFetching } = useQuery({
    queryKey: ["products", "list", "picker", term],
    queryFn: () => productsApi.list({ search: term === "" ? null : term, sort: "sku", desc: false, page: 1, page_size: 30 }),
    placeholderData: keepPreviousData,
  });
  const found = (data?.items ?? []).filter((p) => p.active);
  const products = value && !found.some((p) => p.id === value.id) ? [value, ...found] : found;
  return (
    <Select<string>
      className="product-picker"
      showSearch
      filterOption={false}
      searchValue={search}
      onSearch={setSearch}
      value={value?.id ?? null}
      disabled={disabled}
      placeholder={placeholder ?? t("quotes.addProduct")}
      notFoundContent={isFetching ? <Spin size="small" /> : t("quotes.noProducts")}
      virtual={false}
      popupMatchSelectWidth={460}
      options={products.map((p) => ({ value: p.id, label: `${p.sku} · ${p.name}` }))}
      optionRender={(o) => {
        const p = products.find((x) => x.id === o.value);
        return (
          <div className="product-option" data-testid={`quote-product-${p?.sku ?? ""}`}>
            <span className="product-option-name">{String(o.label)}</span>
            {p && (
              <span className="product-option-price num">
                {groupDigits(p.list_price)} {p.currency}
                {p.unit ? ` / ${p.unit}` : ""}
              </span>
            )}
          </div>
        );
      }}
      onChange={(id) => {
        const p = products.find((x) => x.id === id);
        setSearch("");
        if (p) onPick(p);
      }}
      data-testid={testId}
    />
  );
}
