/**
 * Vega-Lite spec → SVG (vega, headless) → PNG (resvg, with the bundled font). No browser, no
 * canvas: vega lays text out with DejaVu Sans' own widths, and resvg draws it with the same font.
 */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import type { TopLevelSpec } from "vega-lite";
import { CHART_FONT, chartFont, textWidth } from "./fonts.js";

type Vega = typeof import("vega");
type VegaLite = typeof import("vega-lite");
type ResvgModule = typeof import("@resvg/resvg-js");

interface ChartPackages {
  readonly vega: Vega;
  readonly compile: VegaLite["compile"];
  readonly Resvg: ResvgModule["Resvg"];
}

let packages: Promise<ChartPackages> | undefined;
/**
 * vega, vega-lite and resvg take about half a second to load between them, so they load on the
 * first chart, not when a command that may draw one is imported (a one-shot `cost` never does).
 */
function chartPackages(): Promise<ChartPackages> {
  packages ??= Promise.all([import("vega"), import("vega-lite"), import("@resvg/resvg-js")]).then(
    ([vega, vegaLite, resvg]) => ({ vega, compile: vegaLite.compile, Resvg: resvg.Resvg }),
  );
  return packages;
}

export interface RenderedChart {
  readonly svg: string;
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
}

interface TextItem {
  readonly fontSize?: number | string;
  readonly fontWeight?: number | string;
  readonly limit?: number;
}

/** vega's text measure hook (the one vl-convert replaces too); not in vega's typings. */
interface TextMetrics {
  width: (item: TextItem, text: unknown) => number;
}

/**
 * vega's packages do not share one vega-scenegraph: npm nests differing versions under the
 * packages that lay out (view-transforms), label, parse and draw text, and each copy has its own
 * measure. Each is found the way its user's `import` finds it, so the same module instance.
 */
const SCENEGRAPH_USERS = [
  "vega",
  "vega-view",
  "vega-view-transforms",
  "vega-label",
  "vega-parser",
  "vega-functions",
];

async function scenegraphMeasures(vega: Vega): Promise<TextMetrics[]> {
  const here = createRequire(import.meta.url);
  const files = new Set<string>();
  for (const user of SCENEGRAPH_USERS) {
    try {
      files.add(createRequire(here.resolve(user)).resolve("vega-scenegraph"));
    } catch {
      // Not installed in this layout: its text is measured by a copy found through another user.
    }
  }
  const modules = await Promise.all(
    [...files].map((f) => import(pathToFileURL(f).href) as Promise<{ textMetrics?: TextMetrics }>),
  );
  const found = modules.flatMap((m) => (m.textMetrics ? [m.textMetrics] : []));
  return [(vega as unknown as { textMetrics: TextMetrics }).textMetrics, ...found];
}

let measured: Promise<void> | undefined;
/**
 * Installs the font's widths as vega's text measure, once. A label with a `limit` measures at most
 * the limit, as vega's own measures do, so vega then truncates it to fit.
 */
function measureWithFont(vega: Vega): Promise<void> {
  measured ??= scenegraphMeasures(vega).then((all) => {
    for (const metrics of all) metrics.width = fontWidth;
  });
  return measured;
}

function fontWidth(item: TextItem, text: unknown): number {
  const font = chartFont();
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  const weight = item.fontWeight;
  const bold = weight === "bold" || weight === "bolder" || Number(weight) >= 600;
  const line = text == null ? "" : String(text).trim();
  const width = textWidth(bold ? font.bold : font.regular, line, size);
  return item.limit && item.limit > 0 ? Math.min(width, item.limit) : width;
}

export async function renderChart(spec: TopLevelSpec): Promise<RenderedChart> {
  const { vega, compile, Resvg } = await chartPackages();
  await measureWithFont(vega);
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  try {
    const svg = await view.toSVG();
    const image = new Resvg(svg, {
      background: "white",
      font: {
        fontFiles: [...chartFont().files],
        loadSystemFonts: false,
        defaultFontFamily: CHART_FONT,
      },
    }).render();
    return { svg, png: new Uint8Array(image.asPng()), width: image.width, height: image.height };
  } finally {
    view.finalize();
  }
}
