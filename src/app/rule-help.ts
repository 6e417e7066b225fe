import { allRuleDocs, type RuleDoc } from '../core/rule-docs';

export interface RuleHelp extends RuleDoc {
  id: string;
}

const docs = allRuleDocs();

/** Help for a rule id, from the one table the CLI's SARIF output uses too. */
export function ruleHelp(id: string): RuleHelp | undefined {
  const doc = docs[id];
  return doc && { id, ...doc };
}
