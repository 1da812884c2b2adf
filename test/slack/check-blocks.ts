/**
 * Checks a message's blocks against Slack's limits and shapes, so a payload Slack would refuse
 * (invalid_blocks, too many blocks, text too long) fails the test here instead.
 */
interface AnyBlock {
  readonly type?: unknown;
  readonly [key: string]: unknown;
}

export function blockProblems(blocks: unknown, maxBlocks = 50): string[] {
  const problems: string[] = [];
  if (!Array.isArray(blocks)) return ["blocks is not an array"];
  if (blocks.length === 0) problems.push("no blocks");
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks (limit ${maxBlocks})`);
  let tables = 0;
  blocks.forEach((raw: AnyBlock, i) => {
    const at = `block ${i} (${String(raw.type)})`;
    const text = raw.text as { type?: string; text?: string } | undefined;
    switch (raw.type) {
      case "section":
        if (!text || (text.type !== "mrkdwn" && text.type !== "plain_text"))
          problems.push(`${at}: no text object`);
        else if (!text.text || text.text.length > 3000)
          problems.push(`${at}: text length ${text.text?.length}`);
        break;
      case "header":
        if (text?.type !== "plain_text" || (text.text ?? "").length > 150)
          problems.push(`${at}: bad header`);
        break;
      case "context": {
        const elements = raw.elements as { text?: string }[] | undefined;
        if (!elements || elements.length === 0 || elements.length > 10)
          problems.push(`${at}: elements`);
        for (const e of elements ?? [])
          if (!e.text || e.text.length > 3000) problems.push(`${at}: element text`);
        break;
      }
      case "divider":
        break;
      case "table": {
        tables++;
        const rows = raw.rows as { type?: string; text?: string }[][] | undefined;
        if (!rows || rows.length === 0 || rows.length > 100)
          problems.push(`${at}: ${rows?.length} rows`);
        const width = rows?.[0]?.length ?? 0;
        if (width === 0 || width > 20) problems.push(`${at}: ${width} columns`);
        for (const r of rows ?? []) {
          if (r.length !== width) problems.push(`${at}: ragged row`);
          for (const c of r) if (c.type !== "raw_text" || !c.text) problems.push(`${at}: bad cell`);
        }
        break;
      }
      case "actions": {
        const elements = raw.elements as {
          type?: string;
          action_id?: string;
          text?: { text?: string };
          value?: string;
        }[];
        if (!elements || elements.length === 0 || elements.length > 25)
          problems.push(`${at}: elements`);
        const ids = new Set<string>();
        for (const e of elements ?? []) {
          if (e.type !== "button") problems.push(`${at}: not a button`);
          if (!e.action_id || ids.has(e.action_id))
            problems.push(`${at}: action_id ${e.action_id}`);
          ids.add(e.action_id ?? "");
          if (!e.text?.text || e.text.text.length > 75) problems.push(`${at}: button text`);
          if ((e.value ?? "").length > 2000) problems.push(`${at}: button value`);
        }
        break;
      }
      case "input":
        break;
      default:
        problems.push(`${at}: unknown block type`);
    }
  });
  if (tables > 1) problems.push(`${tables} table blocks (Slack allows one per message)`);
  return problems;
}

/** All the text a person would read in the blocks, for content assertions. */
export function blocksText(blocks: unknown): string {
  return JSON.stringify(blocks);
}
