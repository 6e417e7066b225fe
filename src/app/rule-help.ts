import { referenceRuleDocs } from '../core/rule-docs';
import { extraRules } from '../core/rules';

export interface RuleHelp {
  id: string;
  title: string;
  help: string;
  /** Whether coreos-cloudinit's own validator reports it too. */
  reference: boolean;
}

/** Help for a rule id: the reference rules' docs, then the `all` set's own checks. */
export function ruleHelp(id: string): RuleHelp | undefined {
  const doc = referenceRuleDocs[id];
  if (doc) return { id, ...doc };
  const extra = extraRules.find((r) => r.id === id);
  return extra && { id, title: id, help: extra.help, reference: false };
}
