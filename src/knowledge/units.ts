/**
 * An article is a set of answerable units, so an answer can quote the unit that answers the
 * question asked rather than whichever paragraph shares most words with it. In the Markdown a unit
 * is:
 *
 *     ## Q: What is a true-up?
 *     Also: How does a true-up work? | What does true-up mean?
 *     A: A true-up is the periodic reconciliation in which you pay for use above what you bought.
 *
 *     Detail paragraphs or lists, as many as the unit needs.
 *
 * The `A:` line is the one-sentence answer a reader sees first, so it must stand alone: it may not
 * lean on text the reader has not seen ("also", "the same"). Every problem names the file's line.
 */
import type { Issue } from "../core/result.js";

export interface Unit {
  /** The questions the unit answers: the heading's first, then the `Also:` phrasings. */
  readonly questions: readonly string[];
  /** One sentence that answers the first question on its own. */
  readonly answer: string;
  /** The Markdown after the answer line (may be empty). */
  readonly detail: string;
  /** The file line of the unit's heading, for error messages. */
  readonly line: number;
}

const HEADING = /^##\s+Q:\s*(.*)$/;
const ALSO = /^Also:\s*(.*)$/;
const ANSWER = /^A:\s*(.*)$/;
/**
 * Words that make a sentence depend on something said before it. A headline with one of them reads
 * as a fragment ("…also recommends") when it is the first thing the reader sees.
 */
const REFERS_BACK =
  /\b(also|as well|as above|as below|see above|see below|mentioned|the former|the latter)\b|\bthe same (point|reason|way|figures?|control|example|thing)\b|^(this|that|these|those|it|they|both|such)\b/i;
/** One sentence: no sentence end followed by a capital, except inside numbers like 4.1%. */
const TWO_SENTENCES = /[.!?]\s+[A-Z£$€"(]/;

function issue(code: string, file: string, line: number, message: string): Issue {
  return { code, message: `${file} line ${line}: ${message}` };
}

/**
 * The units of an article body. `firstLine` is the file line the body starts on, so messages point
 * at the file a writer opens.
 */
export function parseUnits(
  file: string,
  body: string,
  firstLine: number,
): { units: Unit[]; issues: Issue[] } {
  const lines = body.split(/\r?\n/);
  const units: Unit[] = [];
  const issues: Issue[] = [];
  let index = 0;
  const lineNo = (i: number) => firstLine + i;
  while (index < lines.length && (lines[index] ?? "").trim() === "") index++;
  if (index < lines.length && !HEADING.test(lines[index] ?? "")) {
    issues.push(
      issue(
        "article.text_outside_unit",
        file,
        lineNo(index),
        'text before the first "## Q:" unit; start the article with "## Q: <the question it answers>"',
      ),
    );
    while (index < lines.length && !HEADING.test(lines[index] ?? "")) index++;
  }
  while (index < lines.length) {
    const headingLine = index;
    const question = (HEADING.exec(lines[index] ?? "")?.[1] ?? "").trim();
    index++;
    const questions = question === "" ? [] : [question];
    if (question === "") {
      issues.push(
        issue(
          "article.unit_no_question",
          file,
          lineNo(headingLine),
          '"## Q:" with no question after it',
        ),
      );
    }
    for (let also = ALSO.exec(lines[index] ?? ""); also; also = ALSO.exec(lines[index] ?? "")) {
      questions.push(
        ...(also[1] ?? "")
          .split("|")
          .map((q) => q.trim())
          .filter((q) => q !== ""),
      );
      index++;
    }
    const answerMatch = ANSWER.exec(lines[index] ?? "");
    if (!answerMatch) {
      issues.push(
        issue(
          "article.unit_no_answer",
          file,
          lineNo(index < lines.length ? index : headingLine),
          `the unit "${question}" needs an "A: <one-sentence answer>" line under its question`,
        ),
      );
    }
    const answer = (answerMatch?.[1] ?? "").trim();
    const answerLine = index;
    if (answerMatch) index++;
    const detailStart = index;
    while (index < lines.length && !HEADING.test(lines[index] ?? "")) index++;
    const detail = lines.slice(detailStart, index).join("\n").trim();
    if (answerMatch) {
      if (answer === "" || !/[.!?]$/.test(answer)) {
        issues.push(
          issue(
            "article.answer_unfinished",
            file,
            lineNo(answerLine),
            "the answer must be one full sentence, ending with a full stop",
          ),
        );
      } else if (TWO_SENTENCES.test(answer)) {
        issues.push(
          issue(
            "article.answer_not_one_sentence",
            file,
            lineNo(answerLine),
            "the answer must be one sentence; move the rest into the detail below it",
          ),
        );
      }
      const back = REFERS_BACK.exec(answer);
      if (back) {
        issues.push(
          issue(
            "article.answer_refers_back",
            file,
            lineNo(answerLine),
            `the answer says "${back[0]}", which leans on text the reader has not seen; make it stand alone`,
          ),
        );
      }
    }
    units.push({ questions, answer, detail, line: lineNo(headingLine) });
  }
  if (units.length === 0 && issues.length === 0) {
    issues.push(issue("article.no_units", file, firstLine, 'the article has no "## Q:" units'));
  }
  return { units, issues };
}
