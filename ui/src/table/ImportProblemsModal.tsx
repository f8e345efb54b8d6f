// Lists every problem of a rejected import (row, column, value, reason) and says
// plainly that nothing was imported, so the user can fix the file and retry.
import { Alert, Button, Modal, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { ImportProblem } from "../bindings/ImportProblem";

export type RejectedImport = { fileName: string; message: string; problems: ImportProblem[] };

type Props = { rejected: RejectedImport | null; onClose: () => void };

export function ImportProblemsModal({ rejected, onClose }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <Modal
      open={rejected !== null}
      title={t("import.rejectedTitle", { file: rejected?.fileName ?? "" })}
      onCancel={onClose}
      width={680}
      footer={<Button onClick={onClose}>{t("common.close")}</Button>}
    >
      {rejected && (
        <>
          <Alert
            type="error"
            showIcon
            message={t("import.nothingImported")}
            description={rejected.problems.length === 0 ? rejected.message : undefined}
          />
          <ul data-testid="import-errors" className="import-errors">
            {rejected.problems.map((p, i) => {
              const codeKey = `fieldError.${p.code}`;
              return (
                <li key={i} data-testid="import-error">
                  {t("import.problem", {
                    row: p.row,
                    column: p.column,
                    value: p.value,
                    message: p.message || t(codeKey, { defaultValue: p.code }),
                  })}
                  {i18n.exists(codeKey) && <Tag className="problem-code">{t(codeKey)}</Tag>}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </Modal>
  );
}
