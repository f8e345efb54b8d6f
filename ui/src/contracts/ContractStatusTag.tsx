// A contract's status as a coloured tag (the same colours in the list and the contract screen).
import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { ContractStatus } from "../bindings/ContractStatus";
import { CONTRACT_STATUS_COLORS } from "./status";

export function ContractStatusTag({ status, testId }: { status: ContractStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={CONTRACT_STATUS_COLORS[status]} data-testid={testId} className="status-tag">
      {t(`contractStatus.${status}`)}
    </Tag>
  );
}
