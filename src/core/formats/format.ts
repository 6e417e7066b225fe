/**
 * A format of provisioning config the validator reads: how a text of it becomes findings
 * (parse, schema, rules, placement). Every format shares the core's `Finding`, its line index
 * and its report order, so the CLI and the app treat them alike. Recognising a format is
 * `input-kind.ts`'s job and needs none of this, so a format's code loads only once it is seen.
 */
import type { TextEdit } from '../text/common-ends';
import type { LineIndex } from '../text/line-index';
import type { Finding, InputKind, RuleSetName, Target } from '../types';

export interface FormatInput {
  /** What the text was recognised (or declared) as. */
  kind: InputKind;
  text: string;
  lines: LineIndex;
  rules: RuleSetName;
  target: Target;
  /** The caller named the format (a file extension, a flag) rather than the content showing it. */
  declared: boolean;
}

/** A config that is translated before a machine reads it: the findings and the translation, from one pass. */
export interface Translation {
  findings: Finding[];
  /** The Ignition config it becomes, when its translator would write one. */
  ignition?: Record<string, unknown>;
}

/** A text with its complete report (all rule set), as an edit's recheck starts from it. */
export interface CheckedText {
  text: string;
  entries: readonly Finding[];
}

export interface Format {
  /** Findings, in any order (the core sorts them). Never throws on bad input. */
  validate(input: FormatInput): Finding[];
  /** For formats that are translated (Butane): `validate` plus what the text becomes. */
  translate?(input: FormatInput): Translation;
  /**
   * For formats whose large texts can be rechecked in part (cloud-config): a quick, provisional
   * report for the text that `edit` makes of `before` (a text with its complete report, all
   * rule set), from `check`, which validates a smaller document; undefined where none can be
   * given, and wherever the edit could make the text another kind of input. The edited text is
   * read only through `before.text` and the edit, never made whole: at a megabyte, making it
   * costs more than the recheck.
   */
  recheckEdit?(before: CheckedText, edit: TextEdit, check: (document: string) => readonly Finding[] | undefined): Finding[] | undefined;
}
