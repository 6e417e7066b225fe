import type { Rule } from './context';

/** Checks of the `all` rule set beyond the reference, in report order. */
export const extraRules: Rule[] = [];
