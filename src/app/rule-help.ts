import { isRuleId, RULES, type RuleSpec } from '../core/rule-table';

export interface RuleHelp extends RuleSpec {
  id: string;
}

/** Help for a rule id, from the rule table the CLI's SARIF output reads too. */
export function ruleHelp(id: string): RuleHelp | undefined {
  return isRuleId(id) ? { id, ...RULES[id] } : undefined;
}
