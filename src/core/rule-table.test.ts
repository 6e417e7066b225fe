import { describe, expect, it } from 'vitest';
import { extraRules } from './formats/cloud-config/rules';
import { isRuleId, RULE_IDS, RULE_TABLE_PARTS, RULES, ruleSpec, type RuleId } from './rule-table';

describe('rule table', () => {
  it('is assembled from parts whose ids do not overlap', () => {
    const ids = Object.values(RULE_TABLE_PARTS).flatMap((part) => Object.keys(part));
    expect(ids.length).toBe(RULE_IDS.length);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every rule a severity, a title and a help paragraph', () => {
    for (const id of RULE_IDS) {
      const { kind, title, help } = RULES[id];
      expect(['error', 'warning', 'info'], id).toContain(kind);
      expect(title.length, id).toBeGreaterThan(2);
      expect(help.length, id).toBeGreaterThan(20);
    }
  });

  it('holds every check of the all set once, as one the reference does not make', () => {
    const ids = extraRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(RULE_TABLE_PARTS.cloudConfig, id).toHaveProperty([id, 'reference'], false);
  });

  it('looks up rules by id', () => {
    expect(ruleSpec('unknown-key')).toMatchObject({ kind: 'warning', title: 'Unknown key', reference: true });
    expect(ruleSpec('ignition-mode-octal')).toMatchObject({ kind: 'error', title: 'Octal-looking mode', reference: false });
    expect(ruleSpec('convert-path').title).toBe('File path');
    expect(isRuleId('hostname')).toBe(true);
    expect(isRuleId('hostnme')).toBe(false);
    // Not an own key of the table, though every object has it.
    expect(isRuleId('toString')).toBe(false);
  });

  it('makes a misspelt id a type error', () => {
    // @ts-expect-error: not a rule id (the typecheck fails if this line compiles)
    const misspelt: RuleId = 'hostnme';
    expect(isRuleId(misspelt)).toBe(false);
  });
});
