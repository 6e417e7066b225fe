import { describe, expect, it } from 'vitest';
import { EditorState, type StateEffect } from '@codemirror/state';
import { configKindField, languageForKind, languageMode, schemaKind, setConfigKind, setLanguageMode } from './config-kind';

describe('the editor language for a kind of config', () => {
  it('is JSON for Ignition and YAML for the YAML formats, whatever the current one', () => {
    for (const current of ['yaml', 'json'] as const) {
      expect(languageForKind('ignition', '{"ignition": {"version": "3.4.0"}}', current)).toBe('json');
      expect(languageForKind('cloud-config', '#cloud-config\n', current)).toBe('yaml');
      expect(languageForKind('butane', 'variant: flatcar\nversion: 1.1.0\n', current)).toBe('yaml');
      expect(languageForKind('multipart', 'Content-Type: multipart/mixed\n', current)).toBe('yaml');
    }
  });

  it('follows a text the validator cannot place by its first character, or keeps the current one', () => {
    expect(languageForKind('unknown', '  {"ignition": {"vers', 'yaml')).toBe('json');
    expect(languageForKind('unknown', 'hostname: a\n', 'json')).toBe('yaml');
    expect(languageForKind('unknown', '"half', 'json')).toBe('json');
    expect(languageForKind('empty', '', 'json')).toBe('json');
    expect(languageForKind('empty', '', 'yaml')).toBe('yaml');
  });
});

describe('whose keys hover and completion offer', () => {
  const state = (...effects: StateEffect<unknown>[]) =>
    effects.reduce<EditorState>((s, e) => s.update({ effects: e }).state, EditorState.create({ extensions: [configKindField, languageMode] }));

  it('is the kind the validator last named, kept through texts it cannot place', () => {
    expect(schemaKind(state())).toBeUndefined();
    expect(schemaKind(state(setConfigKind.of('butane')))).toBe('butane');
    expect(schemaKind(state(setConfigKind.of('butane'), setConfigKind.of('unknown'), setConfigKind.of('empty')))).toBe('butane');
    expect(schemaKind(state(setConfigKind.of('butane'), setConfigKind.of('cloud-config')))).toBe('cloud-config');
  });

  it('is Ignition whenever the editor is in JSON, even while the JSON is half typed', () => {
    expect(schemaKind(state(setLanguageMode.of('json'), setConfigKind.of('unknown')))).toBe('ignition');
    expect(schemaKind(state(setConfigKind.of('ignition'), setLanguageMode.of('yaml')))).toBeUndefined();
  });
});
