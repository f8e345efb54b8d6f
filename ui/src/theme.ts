// The antd theme: compact enterprise look with a CJK-friendly font stack.
import type { ThemeConfig } from "antd";

export const FONT_STACK =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Helvetica Neue", Arial, sans-serif';

export const theme: ThemeConfig = {
  token: {
    fontFamily: FONT_STACK,
    fontSize: 13,
    borderRadius: 4,
    colorPrimary: "#1f6fd1",
  },
  components: {
    Layout: { headerBg: "#ffffff", headerHeight: 48, headerPadding: "0 16px", siderBg: "#ffffff", bodyBg: "#f4f6f9" },
    Menu: { itemHeight: 36, itemMarginBlock: 2 },
    Table: { cellPaddingBlockSM: 6 },
  },
};
