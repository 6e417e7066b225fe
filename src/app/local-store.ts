import { DEFAULT_OPTIONS, isRuleSet, isTarget, type CheckOptions } from './check-options';

/** What the app keeps in this browser: the draft, the check options and the layout. Nothing else. */

const PREFIX = 'cloud-config-validator:';
const DRAFT_KEY = `${PREFIX}draft`;
const RULES_KEY = `${PREFIX}rules`;
const TARGET_KEY = `${PREFIX}target`;

export type SaveOutcome = 'saved' | 'too-big' | 'unavailable';

function read(key: string): string | null {
  try {
    return localStorage.getItem(PREFIX + key);
  } catch {
    return null;
  }
}

/** Private mode or storage disabled: the value lasts for this visit only. */
function write(key: string, value: string): void {
  try {
    localStorage.setItem(PREFIX + key, value);
  } catch {
    // nothing to do
  }
}

/** A small remembered setting (a choice, a size), by name. */
export const loadSetting = (name: string): string | null => read(`setting.${name}`);
export const saveSetting = (name: string, value: string): void => write(`setting.${name}`, value);

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

export function loadCheckOptions(): CheckOptions {
  let rules: unknown, target: unknown;
  try {
    rules = localStorage.getItem(RULES_KEY);
    target = localStorage.getItem(TARGET_KEY);
  } catch {
    // storage disabled: defaults
  }
  return { rules: isRuleSet(rules) ? rules : DEFAULT_OPTIONS.rules, target: isTarget(target) ? target : DEFAULT_OPTIONS.target };
}

export function saveCheckOptions({ rules, target }: CheckOptions): void {
  try {
    localStorage.setItem(RULES_KEY, rules);
    localStorage.setItem(TARGET_KEY, target);
  } catch {
    // the choice lasts for this visit only
  }
}
