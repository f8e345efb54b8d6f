// One contract: the header (number, status, customer, value, quote, the status marks after
// sign-off), the key terms and the clauses on the left; legal's review, the PDF and the
// history on the right.
import { ArrowLeftOutlined } from "@ant-design/icons";
import { Alert, Button, Col, Popconfirm, Row, Space, Spin, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { groupDigits } from "../format/decimal";
import { MaskedText } from "../masking/MaskedText";
import { markContract } from "../ipc/contracts";
import { useUserRole } from "../quotes/queries";
import { ClauseList } from "./ClauseList";
import { ContractStatusTag } from "./ContractStatusTag";
import { HistoryCard } from "./HistoryCard";
import { PdfCard } from "./PdfCard";
import { useContract } from "./queries";
import { ReviewPanel } from "./ReviewPanel";
import { MARKS } from "./status";
import { TermsCard } from "./TermsCard";
import { useContractChange } from "./useContractChange";

export function ContractDetailView({ id, onBack }: { id: string; onBack: () => void }) {
  const { t } = useTranslation();
  const detail = useContract(id);
  const role = useUserRole();
  const { run, busy } = useContractChange();
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={onBack} data-testid="contract-back">
      {t("contracts.back")}
    </Button>
  );
  if (detail.isError) return <Space direction="vertical">{back}<Alert type="error" showIcon message={t(`errorKind.${detail.error.kind}`)} description={detail.error.message} /></Space>;
  if (!detail.data) return <Spin />;
  const d = detail.data;
  const c = d.contract;
  return (
    <div className="contract-detail" data-testid="contract-detail">
      <div className="table-toolbar contract-header">
        {back}
        <Typography.Title level={4} className="page-title" data-testid="contract-number">
          {c.number}
        </Typography.Title>
        <ContractStatusTag status={c.status} testId="contract-status" />
        <Typography.Text>{t(`templateKind.${c.kind}`)}</Typography.Text>
        <Typography.Text strong data-testid="contract-customer">{c.customer_name}</Typography.Text>
        <Typography.Text className="num" data-testid="contract-value">
          {groupDigits(c.contract_value)} {c.currency}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t("contracts.fromQuote", { quote: c.quote_number, date: c.contract_date })}
        </Typography.Text>
        <Typography.Text type="secondary" data-testid="contract-owner">
          {t("contracts.fields.owner")}:{" "}
          <MaskedText table="contracts" id={c.id} field="owner" label={t("contracts.fields.owner")} masked={c.masked}>
            {c.owner}
          </MaskedText>
        </Typography.Text>
        <span className="toolbar-spacer" />
        {(MARKS[c.status] ?? []).map((to) => (
          <Popconfirm
            key={to}
            title={t("contracts.markConfirm", { status: t(`contractStatus.${to}`) })}
            onConfirm={() => void run(`mark-${to}`, () => markContract(id, to), t("common.saved"))}
            okButtonProps={{ "data-testid": `contract-mark-${to}-confirm` }}
          >
            <Button loading={busy === `mark-${to}`} danger={to === "terminated"} data-testid={`contract-mark-${to}`}>
              {t(`contracts.mark.${to}`)}
            </Button>
          </Popconfirm>
        ))}
      </div>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={14}>
          <Space direction="vertical" size={12} className="full-width">
            <TermsCard key={JSON.stringify(c.terms)} detail={d} run={run} busy={busy} />
            <ClauseList detail={d} run={run} busy={busy} />
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Space direction="vertical" size={12} className="full-width">
            <ReviewPanel detail={d} role={role.data} run={run} busy={busy} />
            <PdfCard detail={d} />
            <HistoryCard contract={c} />
          </Space>
        </Col>
      </Row>
    </div>
  );
}
