/**
 * What the app remembers between a reply and a click on its buttons, in memory and bounded:
 * replies (for "Show working"), uploads (for "Change rates" to re-run the analysis), and each
 * user's channels and recent analyses (for App Home). A restart forgets them; buttons of typed
 * commands still work because their value carries the command text.
 */
import { randomUUID } from "node:crypto";
import type { Reply } from "../commands/reply.js";
import type { ClaimRepository } from "../store/claims.js";
import type { DealScope } from "./deal-context.js";
import { memoryClaims } from "./exactly-once/memory-claims.js";

/** A map that forgets its oldest entries beyond `capacity`. */
export class Bounded<V> {
  private readonly items = new Map<string, V>();
  constructor(private readonly capacity: number) {}
  get(key: string): V | undefined {
    return this.items.get(key);
  }
  set(key: string, value: V): void {
    this.items.delete(key);
    this.items.set(key, value);
    while (this.items.size > this.capacity) {
      const oldest = this.items.keys().next().value;
      if (oldest === undefined) break;
      this.items.delete(oldest);
    }
  }
  has(key: string): boolean {
    return this.items.has(key);
  }
  values(): V[] {
    return [...this.items.values()];
  }
  /** Removes every entry whose value matches. */
  deleteWhere(matches: (value: V) => boolean): void {
    for (const [key, value] of this.items) if (matches(value)) this.items.delete(key);
  }
}

export interface RememberedUpload {
  readonly scope: DealScope;
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly threadTs?: string;
}

/**
 * A file whose dates read two ways, waiting for `dates dd/mm` or `dates mm/dd` in the thread
 * where the bot asked (src/slack/uploads/date-question.ts).
 */
export interface DateQuestion {
  readonly scope: DealScope;
  readonly fileId: string;
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly userId: string;
  readonly where: { readonly channel: string; readonly threadTs?: string };
}

export interface Analysis {
  readonly scope: DealScope;
  readonly headline: string;
  readonly at: Date;
}

export class SlackMemory {
  private readonly replies = new Bounded<Reply>(500);
  /** Raw files are large: keep only the last few. */
  private readonly uploads = new Bounded<RememberedUpload>(5);
  /** Keyed by channel and thread; few, because each holds a file's bytes. */
  private readonly dateQuestions = new Bounded<DateQuestion>(10);
  private readonly channelsByUser = new Bounded<Bounded<DealScope>>(1000);
  private readonly analysesByUser = new Bounded<Bounded<Analysis>>(1000);
  /**
   * Deliveries and file shares already acted on, when there is no store (or it doesn't answer):
   * src/slack/exactly-once/ takes its claims here then, for this process only.
   */
  readonly claims: ClaimRepository = memoryClaims(10_000);

  rememberReply(reply: Reply): string {
    const id = randomUUID();
    this.replies.set(id, reply);
    return id;
  }
  reply(id: string | undefined): Reply | undefined {
    return id === undefined ? undefined : this.replies.get(id);
  }

  rememberUpload(id: string, upload: RememberedUpload): void {
    this.uploads.set(id, upload);
  }
  upload(id: string | undefined): RememberedUpload | undefined {
    return id === undefined ? undefined : this.uploads.get(id);
  }

  noteChannel(userId: string, scope: DealScope): void {
    const channels = this.channelsByUser.get(userId) ?? new Bounded<DealScope>(20);
    channels.set(`${scope.teamId}/${scope.channelId}`, scope);
    this.channelsByUser.set(userId, channels);
  }
  channels(userId: string): DealScope[] {
    return (this.channelsByUser.get(userId)?.values() ?? []).reverse();
  }

  noteAnalysis(userId: string, analysis: Analysis): void {
    const list = this.analysesByUser.get(userId) ?? new Bounded<Analysis>(10);
    list.set(randomUUID(), analysis);
    this.analysesByUser.set(userId, list);
  }
  analyses(userId: string): Analysis[] {
    return (this.analysesByUser.get(userId)?.values() ?? []).reverse();
  }

  askDateOrder(key: string, question: DateQuestion): void {
    this.dateQuestions.set(key, question);
  }
  dateQuestion(key: string): DateQuestion | undefined {
    return this.dateQuestions.get(key);
  }
  /** The newest open question in a channel asked of this user (a DM reply outside the thread). */
  latestDateQuestion(channel: string, userId: string): DateQuestion | undefined {
    return this.dateQuestions
      .values()
      .reverse()
      .find((q) => q.where.channel === channel && q.userId === userId);
  }
  answerDateQuestion(question: DateQuestion): void {
    this.dateQuestions.deleteWhere((q) => q === question);
  }

  /** After `forget`: the channel's files and analyses go from memory too. */
  forgetChannel(scope: DealScope): void {
    const same = (s: DealScope) => s.teamId === scope.teamId && s.channelId === scope.channelId;
    this.uploads.deleteWhere((u) => same(u.scope));
    this.dateQuestions.deleteWhere((q) => same(q.scope));
    for (const list of this.analysesByUser.values()) list.deleteWhere((a) => same(a.scope));
  }
}
