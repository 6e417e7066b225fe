import type { Severity } from './types';
import { cloudConfigRules } from './formats/cloud-config/rules/rule-table';
import { ignitionRules } from './formats/ignition/rule-table';
import { butaneRules } from './formats/butane/rule-table';
import { convertRules } from './convert/rule-table';

/**
 * Every rule the validator can report, in one table assembled from the parts kept beside each
 * format. A rule id is a key of this table, so a misspelt id does not compile. The table is the
 * only source of rule metadata: the app's rule help and SARIF's rule descriptors read it.
 *
 * Findings name their rule with a type-only import of `RuleId`; only the places that show help
 * texts import the table itself, so the texts stay out of the page and worker bundles.
 */
export interface RuleSpec {
  /** The severity the rule usually reports at (SARIF's default level); a finding may differ. */
  kind: Severity;
  /** A few words naming the check (rule lists, SARIF's shortDescription). */
  title: string;
  /** One paragraph on what the rule checks and why it matters. */
  help: string;
  /** Whether the reference validator (coreos-cloudinit, ignition-validate, butane) reports it too. */
  reference: boolean;
}

/** The parts, by what they cover; their ids are disjoint (see rule-table.test.ts). */
export const RULE_TABLE_PARTS = { cloudConfig: cloudConfigRules, ignition: ignitionRules, butane: butaneRules, convert: convertRules };

type Parts = typeof RULE_TABLE_PARTS;

/** A rule's id: a key of one of the parts. */
export type RuleId = { [P in keyof Parts]: keyof Parts[P] }[keyof Parts];

// Object.assign, not a spread: bundlers drop an unused pure call, but keep a spread (it may run getters).
export const RULES: Readonly<Record<RuleId, RuleSpec>> = /* @__PURE__ */ Object.assign({}, cloudConfigRules, ignitionRules, butaneRules, convertRules);

export const RULE_IDS = /* @__PURE__ */ Object.keys(RULES) as RuleId[];

export const isRuleId = (id: string): id is RuleId => Object.hasOwn(RULES, id);

/** A rule's entry in the table. */
export const ruleSpec = (id: RuleId): RuleSpec => RULES[id];
