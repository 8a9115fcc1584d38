/**
 * The report's plots as SVG, drawn by Apache ECharts' server-side renderer (no DOM, no hand-written
 * SVG): accuracy over k (the AceMath paper's Figure 4) and the reward-score distribution of correct
 * vs incorrect samples. Loaded by the CLI only when it writes a report; the extension never imports
 * it (it shows the finished report.html).
 */
import * as echarts from "echarts";
import type { CurveData, Histogram } from "../../../core/eval/plotData";
import { PLOT_SIZE } from "./plotSize";

const COLORS = { rm: "#1f6feb", maj: "#d97706", weighted: "#15803d", oracle: "#6b7280", wrong: "#dc2626" };
const TEXT = { color: "#1f2328", fontFamily: "system-ui, -apple-system, Segoe UI, sans-serif" };

/** Renders one chart to an SVG string; animation off, so the string is the final picture. */
function renderSvg(option: echarts.EChartsOption): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, ...PLOT_SIZE });
  try {
    chart.setOption({ animation: false, backgroundColor: "#ffffff", textStyle: TEXT, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const SERIES_COLOR: Record<string, string> = {
  "rm@k": COLORS.rm,
  "maj@k": COLORS.maj,
  "weighted@k": COLORS.weighted,
  "pass@k (oracle)": COLORS.oracle,
};

export function curvesSvg(data: CurveData, subtitle: string): string {
  return renderSvg({
    title: { text: "Accuracy as k grows", subtext: subtitle, left: "center" },
    legend: { bottom: 0 },
    grid: { left: 64, right: 32, top: 72, bottom: 72 },
    xAxis: {
      type: "category",
      name: "k (samples per problem)",
      nameLocation: "middle",
      nameGap: 28,
      data: data.ks.map(String),
    },
    yAxis: { type: "value", name: "accuracy (%)", scale: true },
    series: data.series.map((s) => ({
      name: s.name,
      type: "line",
      data: s.values,
      symbolSize: 7,
      color: SERIES_COLOR[s.name],
      lineStyle: { width: 2, type: s.name.startsWith("pass@") ? "dashed" : "solid" },
    })),
  });
}

export function scoresSvg(histogram: Histogram): string {
  const labels = histogram.edges.slice(0, -1).map((low, i) => {
    const high = histogram.edges[i + 1]!;
    return ((low + high) / 2).toFixed(2);
  });
  const unscored = histogram.unscored > 0 ? ` · ${histogram.unscored} samples not scored` : "";
  const empty = histogram.edges.length === 0;
  return renderSvg({
    title: {
      text: "Reward scores: correct vs incorrect samples",
      subtext: empty ? `No reward scores${unscored}` : `Samples per score bin${unscored}`,
      left: "center",
    },
    legend: { bottom: 0 },
    grid: { left: 64, right: 32, top: 72, bottom: 72 },
    xAxis: { type: "category", name: "reward score", nameLocation: "middle", nameGap: 28, data: labels },
    yAxis: { type: "value", name: "samples" },
    series: [
      { name: "correct", type: "bar", data: histogram.correct, color: COLORS.weighted, barGap: "0%" },
      { name: "incorrect", type: "bar", data: histogram.incorrect, color: COLORS.wrong },
    ],
  });
}
