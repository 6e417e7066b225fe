import type { RuleFinding } from '../findings';

/** For input that is not cloud-config: a note saying what it is instead, when that is clear. */
export function dialectNote(_text: string): RuleFinding | undefined {
  return undefined;
}
