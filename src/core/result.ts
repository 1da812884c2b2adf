/**
 * Errors as data (in the style of zod): every calculator and parser returns a Result whose failure
 * carries coded issues. A message says what is wrong; a hint shows what a correct input looks like.
 */
export interface Issue {
  /** Stable machine-readable code, e.g. `price.not_positive`. Tests and front ends match on it. */
  readonly code: string;
  /** What is wrong, in the user's terms. */
  readonly message: string;
  /** What a correct input looks like. */
  readonly hint?: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | Failure;
export interface Failure {
  readonly ok: false;
  readonly issues: readonly Issue[];
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: string, message: string, hint?: string): Failure {
  return { ok: false, issues: [hint === undefined ? { code, message } : { code, message, hint }] };
}

export function failAll(issues: readonly Issue[]): Failure {
  return { ok: false, issues };
}

/** Collects the values of many results, or all of their issues if any failed. */
export function all<T>(results: readonly Result<T>[]): Result<T[]> {
  const values: T[] = [];
  const issues: Issue[] = [];
  for (const r of results) {
    if (r.ok) values.push(r.value);
    else issues.push(...r.issues);
  }
  return issues.length > 0 ? failAll(issues) : ok(values);
}
