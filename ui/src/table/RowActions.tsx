// Per-row Edit and Delete (with a confirmation; the delete is soft on the server).
import { DeleteOutlined, EditOutlined } from "@ant-design/icons";
import { Button, Popconfirm, Space, type ButtonProps } from "antd";
import { useTranslation } from "react-i18next";

type Props = { id: string; onEdit: () => void; onDelete: () => Promise<void> };

export function RowActions({ id, onEdit, onDelete }: Props) {
  const { t } = useTranslation();
  return (
    <Space size={0}>
      <Button type="link" size="small" icon={<EditOutlined />} onClick={onEdit} data-testid={`edit-${id}`}>
        {t("common.edit")}
      </Button>
      <Popconfirm
        title={t("common.confirmDelete")}
        okText={t("common.delete")}
        cancelText={t("common.cancel")}
        okButtonProps={{ danger: true, "data-testid": "confirm-delete" } as ButtonProps}
        onConfirm={onDelete}
      >
        <Button type="link" size="small" danger icon={<DeleteOutlined />} data-testid={`delete-${id}`}>
          {t("common.delete")}
        </Button>
      </Popconfirm>
    </Space>
  );
}
