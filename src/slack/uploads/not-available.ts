/**
 * The default analyser until the roster analysis is wired in: a clear reply saying file analysis
 * is not available yet, and what to do instead.
 */
import { rejected } from "../../commands/reply.js";
import type { AnalyseUpload } from "../deps.js";

export const analysisNotAvailable: AnalyseUpload = async (file) =>
  rejected(
    "upload",
    [
      {
        code: "upload.not_available",
        message: `file analysis is not available yet in this dealdesk, so I can't analyse ${file.name}`,
        hint: "type the numbers instead, e.g. /deal cost 150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100",
      },
    ],
    "cost 150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100",
  );
