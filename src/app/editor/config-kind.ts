import { StateEffect, StateField } from '@codemirror/state';
import type { InputKind } from '../../core';

/**
 * What the validator last said the text is, kept in the editor's state so that hover docs and
 * completion know which schema to consult (cloud-config, Ignition or Butane).
 */
export const setConfigKind = StateEffect.define<InputKind>();

export const configKindField = StateField.define<InputKind | undefined>({
  create: () => undefined,
  update(kind, tr) {
    for (const e of tr.effects) if (e.is(setConfigKind)) kind = e.value;
    return kind;
  },
});

/**
 * The syntax to edit a text of this kind in: JSON for Ignition, YAML for cloud-config, Butane
 * and the rest. A text the validator cannot place (say, JSON half typed) stays in the current
 * syntax unless it plainly starts as a JSON object.
 */
export function languageForKind(kind: InputKind, text: string, current: 'yaml' | 'json'): 'yaml' | 'json' {
  if (kind === 'ignition') return 'json';
  if (kind !== 'unknown' && kind !== 'empty') return 'yaml';
  if (/^\s*\{/.test(text)) return 'json';
  return kind === 'empty' ? current : /^\s*[\w#-]/.test(text) ? 'yaml' : current;
}
