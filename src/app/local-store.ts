import type { RuleSetName } from '../core';

/** What the app keeps in this browser: the draft and the chosen rule set. Nothing else. */

const DRAFT_KEY = 'cloud-config-validator:draft';
const RULES_KEY = 'cloud-config-validator:rules';

export type SaveOutcome = 'saved' | 'too-big' | 'unavailable';

/** The saved draft, or null when there is none (an empty draft is a draft). */
export function loadDraft(): string | null {
  try {
    return localStorage.getItem(DRAFT_KEY);
  } catch {
    return null;
  }
}

export function saveDraft(text: string): SaveOutcome {
  try {
    localStorage.setItem(DRAFT_KEY, text);
    return 'saved';
  } catch (e) {
    return e instanceof DOMException && e.name === 'QuotaExceededError' ? 'too-big' : 'unavailable';
  }
}

export function loadRuleSet(): RuleSetName {
  try {
    return localStorage.getItem(RULES_KEY) === 'reference' ? 'reference' : 'all';
  } catch {
    return 'all';
  }
}

export function saveRuleSet(rules: RuleSetName): void {
  try {
    localStorage.setItem(RULES_KEY, rules);
  } catch {
    // Private mode or storage disabled: the choice lasts for this visit only.
  }
}
