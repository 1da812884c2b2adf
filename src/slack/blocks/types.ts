/**
 * The few Block Kit shapes dealdesk sends, typed narrowly so tests can check them. They are
 * structurally compatible with @slack/types' KnownBlock.
 */
export interface PlainText {
  readonly type: "plain_text";
  readonly text: string;
  readonly emoji?: boolean;
}
export interface Mrkdwn {
  readonly type: "mrkdwn";
  readonly text: string;
}
export interface SectionBlock {
  readonly type: "section";
  readonly text: Mrkdwn;
  readonly block_id?: string;
}
export interface HeaderBlock {
  readonly type: "header";
  readonly text: PlainText;
}
export interface ContextBlock {
  readonly type: "context";
  readonly elements: readonly Mrkdwn[];
}
export interface DividerBlock {
  readonly type: "divider";
}
export interface RawTextCell {
  readonly type: "raw_text";
  readonly text: string;
}
export interface TableBlock {
  readonly type: "table";
  readonly rows: readonly (readonly RawTextCell[])[];
  readonly column_settings?: readonly { readonly align?: "left" | "center" | "right" }[];
}
/** Slack's own "are you sure?" dialog, shown before a button's action is sent. */
export interface ConfirmDialog {
  readonly title: PlainText;
  readonly text: PlainText;
  readonly confirm: PlainText;
  readonly deny: PlainText;
  readonly style?: "primary" | "danger";
}
export interface ButtonElement {
  readonly type: "button";
  readonly action_id: string;
  readonly text: PlainText;
  readonly value: string;
  readonly style?: "primary" | "danger";
  readonly confirm?: ConfirmDialog;
}
export interface ActionsBlock {
  readonly type: "actions";
  readonly block_id?: string;
  readonly elements: readonly ButtonElement[];
}
export interface InputBlock {
  readonly type: "input";
  readonly block_id: string;
  readonly label: PlainText;
  readonly hint?: PlainText;
  readonly element: {
    readonly type: "plain_text_input";
    readonly action_id: string;
    readonly initial_value?: string;
    readonly placeholder?: PlainText;
  };
}

export type Block =
  | SectionBlock
  | HeaderBlock
  | ContextBlock
  | DividerBlock
  | TableBlock
  | ActionsBlock
  | InputBlock;

export const plain = (text: string): PlainText => ({ type: "plain_text", text, emoji: true });
export const mrkdwn = (text: string): Mrkdwn => ({ type: "mrkdwn", text });
export const section = (text: string): SectionBlock => ({ type: "section", text: mrkdwn(text) });
