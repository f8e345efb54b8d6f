// A small ECharts host: only the chart types and components the dashboard uses are
// registered (tree-shaken bundle), the SVG renderer keeps text crisp in WebKitGTK, the chart
// follows its container's size, and a click on a data item reaches `onClick`. Chart values
// are for drawing only; the exact amounts are in the tables beside each chart.
import { BarChart, FunnelChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import type { EChartsCoreOption } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([BarChart, FunnelChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

type Props = {
  option: EChartsCoreOption;
  height: number;
  testId: string;
  onClick?: (dataIndex: number, seriesIndex: number) => void;
};

export function EChart({ option, height, testId, onClick }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  const optionRef = useRef(option);
  optionRef.current = option;

  useEffect(() => {
    const el = host.current;
    if (!el || typeof ResizeObserver === "undefined") return undefined;
    // Created once the host has a size (a chart in a hidden or not-yet-laid-out box waits),
    // then resized with it. Without ResizeObserver (unit tests) there is no chart: the tables
    // carry the same figures.
    const observer = new ResizeObserver(() => {
      if (chart.current) {
        chart.current.resize();
        return;
      }
      if (el.clientWidth === 0 || el.clientHeight === 0) return;
      const instance = echarts.init(el, undefined, { renderer: "svg" });
      instance.on("click", (p) => clickRef.current?.(p.dataIndex ?? 0, p.seriesIndex ?? 0));
      instance.setOption(optionRef.current, true);
      chart.current = instance;
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={host} style={{ height, width: "100%" }} data-testid={testId} />;
}
