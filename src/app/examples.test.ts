import { describe, expect, it } from 'vitest';
import { butaneToIgnition, validate } from '../core';
import { EXAMPLES } from './examples';

describe('the examples menu', () => {
  it('has a cloud-config, an Ignition and a Butane example, each of its own kind', async () => {
    const kinds = await Promise.all(EXAMPLES.map(async (e) => [e.id, validate(await e.load()).kind]));
    expect(kinds).toEqual([
      ['cloud-config', 'cloud-config'],
      ['ignition', 'ignition'],
      ['butane', 'butane'],
    ]);
  });

  it('has Ignition and Butane examples that validate clean with every rule set for Flatcar', async () => {
    for (const e of EXAMPLES.filter((x) => x.id !== 'cloud-config')) {
      const text = await e.load();
      for (const rules of ['all', 'reference'] as const) expect(validate(text, { rules }).entries, `${e.fileName} ${rules}`).toEqual([]);
    }
  });

  it('has an Ignition example that CoreOS, which read spec 1 and 2.x only, refuses for its version alone', async () => {
    const text = await EXAMPLES.find((x) => x.id === 'ignition')!.load();
    for (const rules of ['all', 'reference'] as const) {
      expect(validate(text, { rules, target: 'coreos' }).entries.map((f) => [f.kind, f.rule]), rules).toEqual([['error', 'ignition-version']]);
    }
  });

  it('has a Butane example that translates to the Ignition example', async () => {
    const [, ignition, butane] = await Promise.all(EXAMPLES.map((e) => e.load()));
    const translated = butaneToIgnition(butane);
    expect(translated.report.entries).toEqual([]);
    // Same config; butane orders fields by the Go structs and writes an empty compression.
    const normal = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(normal)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).filter(([k, x]) => !(k === 'compression' && x === '')).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, normal(x)]))
          : v;
    expect(normal(translated.ignition)).toEqual(normal(JSON.parse(ignition)));
  });
});
