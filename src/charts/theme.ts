/** What every chart shares: size, font, white background, colours readable in print and Slack. */
import type { Config } from "vega-lite";
import { CHART_FONT } from "./fonts.js";

export const CHART_WIDTH = 1000;
export const CHART_HEIGHT = 500;

export const COLOURS = {
  everyone: "#4c78a8",
  pooled: "#f58518",
  pool: "#d62728",
  cost: "#4c78a8",
  plan: "#2ca02c",
} as const;

export const chartConfig: Config = {
  font: CHART_FONT,
  background: "white",
  padding: 16,
  title: { fontSize: 20, subtitleFontSize: 14, anchor: "start", offset: 14, subtitleColor: "#444" },
  axis: { labelFontSize: 13, titleFontSize: 14, titlePadding: 10, gridColor: "#e6e6e6" },
  legend: { labelFontSize: 13, titleFontSize: 13, symbolSize: 160 },
  view: { stroke: null },
};

/** The whole picture, title and axes included, is exactly CHART_WIDTH × CHART_HEIGHT. */
export const chartFrame = {
  width: CHART_WIDTH,
  height: CHART_HEIGHT,
  autosize: { type: "fit", contains: "padding" },
  config: chartConfig,
} as const;
