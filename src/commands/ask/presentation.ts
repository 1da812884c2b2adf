/**
 * How a model's answer, or the reason it was not used, reads in a reply: the first sentence is the
 * headline (said out loud), the rest a note; a fallback says in one note which path answered and why.
 */
import type { ModelAnswer } from "./model-answer.js";

/** Sentences of a reply, whitespace collapsed; `£1.2m` and `3.5%` are not sentence ends. */
export function sentencesOf(text: string): string[] {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .split(/(?<=[.!?])\s+(?=["'(£$€\p{Lu}\d])/u)
    .filter((s) => s !== "");
}

export function modelNote(model: string): string {
  return `Answered by the model (${model}); every figure in it was inserted by code from the calculators' results, never written by the model.`;
}

export function fallbackNote(outcome: Extract<ModelAnswer, { ok: false }>): string {
  const suffix = outcome.reason === "ungrounded" ? ", so its reply was not used" : "";
  return `Answered from the knowledge base: ${outcome.detail}${suffix}.`;
}
