import type { RuleSetName, Target } from '../core';
// From the module itself: a value imported through the core's index would pull the whole
// validation core (it belongs in the worker) into the page's first download.
import { DEFAULT_TARGET } from '../core/types';

/** What a config is checked with: the rule set, and the OS whose cloudinit reads it. */
export interface CheckOptions {
  rules: RuleSetName;
  target: Target;
}

export const DEFAULT_OPTIONS: CheckOptions = { rules: 'all', target: DEFAULT_TARGET };

export const RULE_SET_LABEL: Record<RuleSetName, string> = { all: 'All checks', reference: 'Reference: coreos-cloudinit' };

export const TARGET_LABEL: Record<Target, string> = { flatcar: 'Flatcar Container Linux', coreos: 'CoreOS Container Linux' };

export const isRuleSet = (value: unknown): value is RuleSetName => typeof value === 'string' && value in RULE_SET_LABEL;
export const isTarget = (value: unknown): value is Target => typeof value === 'string' && value in TARGET_LABEL;
