// Shown on a quote pending approval: which level it needs, the user's role and whether that
// role may decide, a comment, and Approve / Send back (sending back needs the comment).
import { CheckOutlined, RollbackOutlined } from "@ant-design/icons";
import { Alert, Button, Input, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApprovalLevel } from "../bindings/ApprovalLevel";
import type { Role } from "../bindings/Role";
import { mayApprove } from "./status";

type Props = {
  level: ApprovalLevel;
  role: Role | undefined;
  busy: boolean;
  onDecide: (approve: boolean, comment: string) => void;
};

export function ApprovalPanel({ level, role, busy, onDecide }: Props) {
  const { t } = useTranslation();
  const [comment, setComment] = useState("");
  const [needComment, setNeedComment] = useState(false);
  const allowed = role !== undefined && mayApprove(role, level);
  const who = t(`quotes.approver.${level}`);
  const reject = () => {
    if (comment.trim() === "") {
      setNeedComment(true);
      return;
    }
    onDecide(false, comment);
  };
  return (
    <Alert
      type={allowed ? "info" : "warning"}
      showIcon
      className="approval-panel"
      message={t("quotes.pendingTitle", { who })}
      description={
        <Space direction="vertical" className="approval-body">
          <span data-testid="quote-approver">
            {t("quotes.yourRole", { role: role ? t(`role.${role}`) : "…" })}{" "}
            {allowed ? t("quotes.mayDecide") : t("quotes.mayNotDecide", { who })}
          </span>
          {allowed && (
            <Input.TextArea
              value={comment}
              onChange={(e) => {
                setComment(e.target.value);
                setNeedComment(false);
              }}
              placeholder={t("quotes.commentHint")}
              autoSize={{ minRows: 2, maxRows: 5 }}
              status={needComment ? "error" : undefined}
              data-testid="quote-comment"
            />
          )}
          {needComment && (
            <span className="field-error" data-testid="error-comment">
              {t("quotes.commentRequired")}
            </span>
          )}
          <Space>
            <Button type="primary" icon={<CheckOutlined />} disabled={!allowed} loading={busy} onClick={() => onDecide(true, comment)} data-testid="quote-approve">
              {t("quotes.approve")}
            </Button>
            <Button danger icon={<RollbackOutlined />} disabled={!allowed} loading={busy} onClick={reject} data-testid="quote-reject">
              {t("quotes.sendBack")}
            </Button>
          </Space>
        </Space>
      }
    />
  );
}
