import { layoutBarChart } from "./bar.js";
import { layoutTimeline } from "./timeline.js";
import type { Chart, ChartEnv, ChartShape, Rect } from "./types.js";

/**
 * A chart block's chart laid out in `area` (points) as the shapes a renderer draws, in drawing
 * order: the one layout behind the PDF's and the HTML's charts (the PPTX draws native charts).
 */
export function layoutChart(env: ChartEnv, chart: Chart, area: Rect): ChartShape[] {
  return chart.type === "timeline" ? layoutTimeline(env, chart, area) : layoutBarChart(env, chart, area);
}
