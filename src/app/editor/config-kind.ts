import { StateEffect, StateField, type EditorState } from '@codemirror/state';
import type { InputKind } from '../../core';

/**
 * What the validator last said the text is, kept in the editor's state so that hover docs and
 * completion know which schema to consult (cloud-config, Ignition or Butane).
 */
export const setConfigKind = StateEffect.define<InputKind>();

export const configKindField = StateField.define<InputKind | undefined>({
  create: () => undefined,
  update(kind, tr) {
    // 'unknown' and 'empty' say nothing about the text being typed: the last kind stays.
    for (const e of tr.effects) if (e.is(setConfigKind) && e.value !== 'unknown' && e.value !== 'empty') kind = e.value;
    return kind;
  },
});

/** The syntax the editor reads the text in: JSON for Ignition, YAML for everything else. */
export type EditorLanguage = 'yaml' | 'json';

export const setLanguageMode = StateEffect.define<EditorLanguage>();
export const languageMode = StateField.define<EditorLanguage>({
  create: () => 'yaml',
  update(mode, tr) {
    for (const e of tr.effects) if (e.is(setLanguageMode)) mode = e.value;
    return mode;
  },
});

/**
 * Whose keys hover and completion offer. A text being edited is often briefly invalid (the
 * validator then cannot tell what it is): JSON in the editor stays Ignition, and a text keeps
 * the last kind the validator saw.
 */
export function schemaKind(state: EditorState): InputKind | undefined {
  if (state.field(languageMode, false) === 'json') return 'ignition';
  const kind = state.field(configKindField, false);
  return kind === 'ignition' ? undefined : kind;
}

/**
 * The syntax to edit a text of this kind in: JSON for Ignition, YAML for cloud-config, Butane
 * and the rest. A text the validator cannot place (say, JSON half typed) stays in the current
 * syntax unless it plainly starts as a JSON object.
 */
export function languageForKind(kind: InputKind, text: string, current: EditorLanguage): EditorLanguage {
  if (kind === 'ignition') return 'json';
  if (kind !== 'unknown' && kind !== 'empty') return 'yaml';
  if (/^\s*\{/.test(text)) return 'json';
  return kind === 'empty' ? current : /^\s*[\w#-]/.test(text) ? 'yaml' : current;
}
