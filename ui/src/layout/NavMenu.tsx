// Left navigation: one menu item per area, each label carrying its nav-<area> test id.
import {
  AuditOutlined,
  ContactsOutlined,
  DashboardOutlined,
  FileProtectOutlined,
  FileTextOutlined,
  FundOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ShoppingOutlined,
  TableOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
} from "@ant-design/icons";
import { Menu } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AREAS, type Area } from "./areas";

const ICONS: Record<Area, ReactNode> = {
  dashboard: <DashboardOutlined />,
  customers: <TeamOutlined />,
  contacts: <ContactsOutlined />,
  products: <ShoppingOutlined />,
  opportunities: <FundOutlined />,
  quotes: <FileTextOutlined />,
  contracts: <FileProtectOutlined />,
  legal: <AuditOutlined />,
  partners: <UsergroupAddOutlined />,
  matrix: <TableOutlined />,
  compliance: <SafetyCertificateOutlined />,
  settings: <SettingOutlined />,
};

type Props = { area: Area; onSelect: (area: Area) => void };

export function NavMenu({ area, onSelect }: Props) {
  const { t } = useTranslation();
  return (
    <Menu
      mode="inline"
      selectedKeys={[area]}
      onClick={({ key }) => onSelect(key as Area)}
      items={AREAS.map((a) => ({
        key: a,
        icon: ICONS[a],
        label: <span data-testid={`nav-${a}`}>{t(`nav.${a}`)}</span>,
      }))}
    />
  );
}
