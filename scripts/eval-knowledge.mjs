// Retrieval quality over the question set: hit@1 and hit@3 (a hit is any expected article among the
// top k). Run with `npm run eval:knowledge`, which builds first; it reads the built modules in dist/.
import { readFileSync } from "node:fs";
import { defaultKnowledgeBase } from "../dist/knowledge/knowledge.js";

const questions = JSON.parse(
  readFileSync(new URL("../test/knowledge/questions.json", import.meta.url), "utf8"),
);
const kb = defaultKnowledgeBase();
if (!kb.ok) {
  for (const issue of kb.issues) console.error(`${issue.code}: ${issue.message}`);
  process.exit(1);
}

let hit1 = 0;
let hit3 = 0;
const misses = [];
for (const { question, articles } of questions) {
  const ranked = kb.value.search(question).articles.map((a) => a.id);
  const rank = ranked.findIndex((id) => articles.includes(id));
  if (rank === 0) hit1++;
  if (rank >= 0 && rank < 3) hit3++;
  else misses.push({ question, expected: articles, got: ranked.slice(0, 3) });
}

const pct = (n) => `${((100 * n) / questions.length).toFixed(1)}%`;
console.log(
  `${kb.value.articles.length} articles, ${kb.value.passages.length} passages, ${questions.length} questions`,
);
console.log(`hit@1 ${pct(hit1)} (${hit1}/${questions.length})`);
console.log(`hit@3 ${pct(hit3)} (${hit3}/${questions.length})`);
for (const m of misses) {
  console.log(
    `miss: ${m.question}\n  expected ${m.expected.join(" | ")}; got ${m.got.join(", ") || "nothing"}`,
  );
}
