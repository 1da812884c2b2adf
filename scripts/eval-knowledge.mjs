// Retrieval and answer quality over both question sets: hit@1 and hit@3 (an expected article first,
// or among the first three), fully correct answers (right article and every expected fact) and
// correct declines of off-topic questions. Run with `npm run eval:knowledge`, which builds first;
// it reads the built modules in dist/. The test in test/knowledge/evaluate.test.ts holds the targets.
import { readFileSync } from "node:fs";
import { evaluate } from "../dist/knowledge/evaluate.js";
import { defaultKnowledgeBase } from "../dist/knowledge/knowledge.js";

const kb = defaultKnowledgeBase();
if (!kb.ok) {
  for (const issue of kb.issues) console.error(`${issue.code}: ${issue.message}`);
  process.exit(1);
}
const units = kb.value.passages.length;
console.log(`${kb.value.articles.length} articles, ${units} answerable units`);

const verbose = process.argv.includes("--misses");
const pct = (n, d) => (d === 0 ? "n/a" : `${((100 * n) / d).toFixed(1)}%`);
for (const [name, file] of [
  ["outside questions (public phrasing)", "outside-questions.json"],
  ["in-house questions", "questions.json"],
]) {
  const questions = JSON.parse(
    readFileSync(new URL(`../test/knowledge/${file}`, import.meta.url), "utf8"),
  );
  const e = evaluate(kb.value, questions);
  const withFacts = questions.some((q) => Array.isArray(q.mustContain));
  console.log(`\n${name}: ${questions.length} questions (${file})`);
  console.log(`  hit@1 ${pct(e.hit1, e.onTopic)} (${e.hit1}/${e.onTopic})`);
  console.log(`  hit@3 ${pct(e.hit3, e.onTopic)} (${e.hit3}/${e.onTopic})`);
  console.log(
    `  ${withFacts ? "fully correct" : "answered from an expected article"} ${pct(e.fullyCorrect, e.onTopic)} (${e.fullyCorrect}/${e.onTopic})`,
  );
  if (e.offTopic > 0) console.log(`  off-topic declined ${e.declined}/${e.offTopic}`);
  if (verbose || e.misses.length <= 12) {
    for (const m of e.misses) console.log(`  miss: ${m.question}\n        ${m.why}`);
  } else {
    console.log(`  ${e.misses.length} misses; run with --misses to list them`);
  }
}
