/**
 * One attempt at acting on a delivery: the claims it took, and whether anything it sent reached
 * Slack. When acting fails before anything reached the channel (a Web API call failed and no
 * message was posted or updated, no file or view went up, no response_url answered), the claims
 * are given back so Slack's retry, or the person sending it again, gets an answer. Once something
 * has reached the channel they are kept: a retry would answer twice. A note to one person alone
 * (ephemeral) does not count: it is how a failure is told ("couldn't finish"), and the answer that
 * a retry then posts is the first one.
 */
import type { Context, webApi } from "@slack/bolt";
import type { ClaimRepository } from "../../store/claims.js";
import type { Scope } from "../../store/scope.js";

type WebClient = webApi.WebClient;

export interface HeldClaim {
  readonly scope: Scope;
  readonly key: string;
  /** Where it was taken (the store, or this process's memory when the store didn't answer). */
  readonly from: ClaimRepository;
}

/** Web API calls whose success means the answer (or part of it) is in the channel. */
const REACHES_CHANNEL = new Set([
  "chat.postMessage",
  "chat.update",
  "files.uploadV2",
  "files.completeUploadExternal",
  "views.open",
  "views.push",
  "views.update",
  "views.publish",
]);

export class Attempt {
  private readonly held: HeldClaim[] = [];
  private reached = false;
  private failed = false;

  hold(claim: HeldClaim): void {
    this.held.push(claim);
  }
  claims(): readonly HeldClaim[] {
    return this.held;
  }
  /** Something reached the channel by another road than the Web API (a response_url). */
  delivered(): void {
    this.reached = true;
  }
  failure(): void {
    this.failed = true;
  }
  /** Notes how a Web API call ended; the call's own result or error passes through unchanged. */
  track<T>(method: string, call: Promise<T>): Promise<T> {
    return call.then(
      (result) => {
        if (REACHES_CHANNEL.has(method)) this.reached = true;
        return result;
      },
      (error: unknown) => {
        this.failed = true;
        throw error;
      },
    );
  }
  /** Whether the claims go back: acting threw, or failed before anything reached the channel. */
  shouldRelease(threw: boolean): boolean {
    return threw || (this.failed && !this.reached);
  }
}

const KEY = "dealdeskAttempt";

/** The attempt the exactly-once middleware put in Bolt's context (a detached one otherwise). */
export function attemptOf(context: Context): Attempt {
  const found: unknown = context[KEY];
  return found instanceof Attempt ? found : new Attempt();
}

export function setAttempt(context: Context, attempt: Attempt): void {
  context[KEY] = attempt;
}

/**
 * The client a handler sends with, noting each call's outcome on the attempt. A wrapper per
 * request, because Bolt shares one WebClient between concurrent requests (and binds its methods
 * at construction, so the client itself can't be observed).
 */
export function trackedClient(client: WebClient, attempt: Attempt): WebClient {
  const namespaces = new Map<PropertyKey, object>();
  return new Proxy(client, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof prop !== "string" || value === null || typeof value !== "object") return value;
      let wrapped = namespaces.get(prop);
      if (!wrapped) {
        wrapped = trackedNamespace(value, prop, attempt);
        namespaces.set(prop, wrapped);
      }
      return wrapped;
    },
  });
}

/** `client.chat`, `client.files`, …: each method's promise goes through attempt.track. */
function trackedNamespace(namespace: object, name: string, attempt: Attempt): object {
  return new Proxy(namespace, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== "function" || typeof prop !== "string") return value;
      return (...args: unknown[]) => {
        const result: unknown = value.apply(target, args);
        return result instanceof Promise ? attempt.track(`${name}.${prop}`, result) : result;
      };
    },
  });
}
