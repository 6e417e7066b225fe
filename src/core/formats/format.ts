/**
 * A format of provisioning config the validator reads: how it is recognised and how a text of
 * it becomes findings (parse, schema, rules, placement). Every format shares the core's
 * `Finding`, its line index and its report order, so the CLI and the app treat them alike.
 */
import type { LineIndex } from '../text/line-index';
import type { Finding, InputKind, RuleSetName, Target } from '../types';

export interface FormatInput {
  text: string;
  lines: LineIndex;
  rules: RuleSetName;
  target: Target;
  /** The caller named the format (a file extension, a flag) rather than the content showing it. */
  declared: boolean;
}

export interface Format {
  kind: InputKind;
  /** Whether the text, by its content, is of this format. */
  detect(text: string): boolean;
  /** Findings, in any order (the core sorts them). Never throws on bad input. */
  validate(input: FormatInput): Finding[];
}
