import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GoField, GoStructs } from '../../../../../scripts/go-structs';
import { rootShape, type Shape } from './shape';

/**
 * The schema against the config structs of each target's coreos-cloudinit, field by field and
 * both ways (test/fixtures/cloud-config-structs.*.json, written by scripts/go-structs.ts from
 * the sources at the commits the conformance corpus names).
 */

const TARGETS = ['coreos', 'flatcar'] as const;
const load = (target: string): GoStructs =>
  JSON.parse(readFileSync(new URL(`../../../../../test/fixtures/cloud-config-structs.${target}.json`, import.meta.url), 'utf8'));

/** What the validator's HumanType() prints for a Go type: its kind, `[]` + the element's for a slice. */
function humanType(goType: string, structs: GoStructs): string {
  if (goType.startsWith('[]')) return '[]' + humanType(goType.slice(2), structs);
  if (structs.structs[goType]) return 'struct';
  return structs.namedTypes[goType] ?? goType;
}

/**
 * A Go `valid` pattern as JavaScript spells it: Go's `(?i:...)` group becomes a plain group and
 * the whole pattern case-insensitive, which means the same only while no letter stands outside
 * the group (checked).
 */
function jsPattern(valid: string): { source: string; ignoreCase: boolean } {
  const m = /\(\?i:([^()]*)\)/.exec(valid);
  if (!m) return { source: valid, ignoreCase: false };
  const outside = valid.slice(0, m.index) + valid.slice(m.index + m[0].length);
  expect(outside, 'letters outside the case-insensitive group').not.toMatch(/[a-zA-Z]/);
  return { source: valid.slice(0, m.index) + `(${m[1]})` + valid.slice(m.index + m[0].length), ignoreCase: true };
}

interface Pair {
  path: string;
  field: GoField;
  shape: Shape | undefined;
}

/** Every struct field reachable from CloudConfig, with the schema's shape at its path. */
function pairs(structs: GoStructs): Pair[] {
  const out: Pair[] = [];
  const walk = (structName: string, shape: Shape | undefined, prefix: string) => {
    for (const field of structs.structs[structName]) {
      const path = prefix + field.yaml;
      const child = shape?.fields?.get(field.yaml);
      out.push({ path, field, shape: child });
      const inner = field.goType.replace(/^\[\]/, '');
      if (structs.structs[inner]) walk(inner, field.goType.startsWith('[]') ? child?.element : child, `${path}.`);
    }
  };
  walk('CloudConfig', rootShape, '');
  return out;
}

/** Every key of the schema, with the struct fields at its level. */
function schemaKeys(structs: GoStructs): { path: string; known: boolean }[] {
  const out: { path: string; known: boolean }[] = [];
  const walk = (shape: Shape, structName: string | undefined, prefix: string) => {
    const fields = structName ? structs.structs[structName] : [];
    for (const [key, child] of shape.fields ?? []) {
      const field = fields?.find((f) => f.yaml === key);
      out.push({ path: prefix + key, known: !!field });
      const inner = field?.goType.replace(/^\[\]/, '');
      const childStruct = child.goType === '[]struct' ? child.element : child;
      if (childStruct?.fields) walk(childStruct, inner && structs.structs[inner] ? inner : undefined, `${prefix}${key}.`);
    }
  };
  walk(rootShape, 'CloudConfig', '');
  return out;
}

describe.each(TARGETS)('the schema against the %s config structs', (target) => {
  const structs = load(target);
  const all = pairs(structs);

  it('reads the structs of the commit the corpus names', () => {
    expect(structs.commit).toMatch(target === 'coreos' ? /^f1f0405/ : /^8df59e8/);
    expect(all.length).toBe(178);
  });

  it('has every struct field, with the type the validator names', () => {
    const missing = all.filter((p) => !p.shape).map((p) => p.path);
    expect(missing).toEqual([]);
    const wrongType = all
      .filter((p) => p.shape && p.shape.goType !== humanType(p.field.goType, structs))
      .map((p) => `${p.path}: ${p.shape!.goType} (struct: ${humanType(p.field.goType, structs)})`);
    expect(wrongType).toEqual([]);
  });

  it('has no key the structs lack', () => {
    expect(schemaKeys(structs).filter((k) => !k.known).map((k) => k.path)).toEqual([]);
  });

  it("has each field's allowed-value pattern and deprecation, and none the structs lack", () => {
    for (const { path, field, shape } of all) {
      const valid = shape?.meta?.valid;
      if (field.valid) {
        const want = jsPattern(field.valid);
        expect({ path, source: valid?.source, ignoreCase: valid?.ignoreCase }).toEqual({ path, ...want });
      } else {
        expect({ path, valid }).toEqual({ path, valid: undefined });
      }
      expect({ path, deprecated: shape?.meta?.deprecatedReason }).toEqual({ path, deprecated: field.deprecated });
    }
  });
});

describe('the two targets', () => {
  it('read the same struct fields (they differ in how keys reach them, see target-notes.ts)', () => {
    const [coreos, flatcar] = TARGETS.map(load);
    expect(flatcar.structs).toEqual(coreos.structs);
    expect(flatcar.namedTypes).toEqual(coreos.namedTypes);
  });
});
