/**
 * A knowledge-base article: Markdown with front matter (id, title, tags, sources), written in our
 * own words. `sources` names where the facts came from, so an answer can say "a Halo partner's
 * guide says…" rather than pass a vendor's claim off as ours.
 */
import { z } from "zod";
import type { Unit } from "./units.js";

/** Where an article's facts come from; the label is how an answer attributes them. */
export const SOURCE_LABELS = {
  "partner-guide": "a Halo partner's guide to named and concurrent licensing",
  "advisory-playbook": "an advisory firm's HaloITSM negotiation playbook",
  "contract-course": "a course outline on IT contract negotiation",
  dealdesk: "dealdesk's own arithmetic and practice",
} as const;

export type SourceKey = keyof typeof SOURCE_LABELS;

const sourceKeys = Object.keys(SOURCE_LABELS) as [SourceKey, ...SourceKey[]];

export const frontMatterSchema = z.object({
  id: z
    .string()
    .regex(
      /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
      "use lower-case words joined by hyphens, like renewal-caps",
    ),
  title: z.string().min(3).max(80),
  tags: z.array(z.string().min(1)).min(1),
  sources: z.array(z.enum(sourceKeys)).min(1),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

export interface Article extends FrontMatter {
  /** The Markdown after the front matter. */
  readonly body: string;
  /** The questions the article answers, each with its one-sentence answer and detail. */
  readonly units: readonly Unit[];
  /** The file it was read from, for error messages. */
  readonly file: string;
}
