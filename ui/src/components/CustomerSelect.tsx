// Searchable customer picker for forms, fed by customer_options (server-side search),
// remembering the chosen label so a picked customer keeps its name after the search changes.
import { Select, Spin } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCustomerOptions } from "../ipc/customerOptions";
import { useDebounced } from "../table/useDebounced";

type Props = {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  nullable: boolean;
  /** Name of the customer already referenced by the record being edited. */
  initialLabel?: string;
  "data-testid"?: string;
};

export function CustomerSelect({ id, value, onChange, nullable, initialLabel, "data-testid": testId }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const term = useDebounced(search, 250);
  const { data, isFetching } = useCustomerOptions(term);
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);

  const options = useMemo(() => {
    const list = (data ?? []).map((o) => ({ value: o.id, label: o.label }));
    if (value && !list.some((o) => o.value === value)) {
      list.unshift({ value, label: chosen?.value === value ? chosen.label : (initialLabel ?? value) });
    }
    return list;
  }, [data, value, chosen, initialLabel]);

  return (
    <Select
      id={id}
      data-testid={testId}
      showSearch
      filterOption={false}
      searchValue={search}
      onSearch={setSearch}
      value={value ? value : undefined}
      onChange={(next: string | undefined, option) => {
        setSearch("");
        const picked = Array.isArray(option) ? option[0] : option;
        if (next && picked) setChosen({ value: next, label: String(picked.label) });
        onChange?.(next ?? null);
      }}
      allowClear={nullable}
      options={options}
      placeholder={t("common.select")}
      notFoundContent={isFetching ? <Spin size="small" /> : undefined}
      virtual={false}
    />
  );
}
