import { inputRuleDocs, referenceRuleDocs } from '../core/rule-docs';
import { extraRules } from '../core/rules';

export interface RuleHelp {
  id: string;
  title: string;
  help: string;
  /** Whether coreos-cloudinit's own validator reports it too. */
  reference: boolean;
}

/** Help for a rule id: the reference rules, the findings about the input itself, the `all` set's checks. */
export function ruleHelp(id: string): RuleHelp | undefined {
  const doc = referenceRuleDocs[id] ?? inputRuleDocs[id];
  if (doc) return { id, ...doc };
  const extra = extraRules.find((r) => r.id === id);
  return extra && { id, title: id, help: extra.help, reference: false };
}
