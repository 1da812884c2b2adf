/** Knowledge search as a tool: passages from dealdesk's own articles, with their ids and titles. */
import { z } from "zod";
import { searchKnowledge } from "../../knowledge/knowledge.js";
import { defineTool, toolContent } from "./tool.js";

export const searchArgs = z
  .object({
    query: z.string().trim().min(2).max(300).describe("what to look up, in plain words"),
    limit: z.number().int().min(1).max(6).optional().describe("passages to return (default 4)"),
  })
  .strict();

const DEFAULT_LIMIT = 4;

export const searchTool = defineTool({
  name: "search_knowledge",
  description:
    "Search dealdesk's knowledge base on ITSM licensing and contract negotiation (named vs concurrent, pools, volume breaks, renewal caps, CPI, contract clauses, a glossary). Returns passages with the article each came from.",
  schema: searchArgs,
  run(args) {
    const found = searchKnowledge(args.query, args.limit ?? DEFAULT_LIMIT);
    if (!found.ok) return { content: toolContent({ ok: false, issues: found.issues }) };
    const passages = found.value.map((p) => ({
      article: p.articleId,
      title: p.articleTitle,
      text: p.text,
    }));
    const sources = [
      ...new Map(
        found.value.map((p) => [p.articleId, { id: p.articleId, title: p.articleTitle }]),
      ).values(),
    ];
    return { content: toolContent({ ok: true, passages }), sources };
  },
});
