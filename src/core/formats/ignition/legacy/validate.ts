/**
 * Ignition configs under the `coreos` target: what CoreOS's online validator (2018) answered.
 * It tried spec 2.2.0, then 2.1.0, 2.0.0 and spec 1 in turn, each time the config failed to
 * decode or declared an older version; a newer version was "unsupported"; a config that fit
 * no spec at all went through silently. A config that fit got its spec's checks and a warning
 * per key the spec does not have.
 */
import { z } from 'zod';
import type { Severity } from '../../../types';
import { goUnmarshal, type Decoded, type GoTypeError } from '../go-decode';
import { parseSemver, type Semver } from '../go/semver';
import type { JsonNode } from '../json-reader';
import type { PathStep } from '../reference-rules';
import { legacyChecks, type LegacyEntry } from './checks';
import { legacySchema, type LegacySpec } from './schema';

/** The online validator answered a version it did not know as it answered unknown input. */
export { UNKNOWN_INPUT_MESSAGE as UNKNOWN_CONFIG_MESSAGE } from '../../../report/coreos-json';

export const LEGACY_VERSIONS = 'spec 1 (ignitionVersion: 1), 2.0.0, 2.1.0 or 2.2.0';

export type LegacyRoute =
  | { spec: LegacySpec; config: Decoded }
  | { unknown: true }
  /** Fit no spec: the reference said nothing (or, for a decode error, the error). */
  | { silent: true; error?: GoTypeError };

const less = (a: Semver, major: number, minor: number) =>
  a.major !== major ? a.major < major : a.minor !== minor ? a.minor < minor : a.patch !== 0 ? a.patch < 0 : a.preRelease !== '';
const exact = (a: Semver, major: number, minor: number) => a.major === major && a.minor === minor && a.patch === 0 && a.preRelease === '' && a.metadata === '';

const versionOf = (config: Decoded) => (config.ignition as Decoded | undefined)?.version;

/** Which spec the online validator read a config as. */
export function legacyRoute(root: JsonNode): LegacyRoute {
  for (const spec of [22, 21, 20] as const) {
    const d = goUnmarshal(root, legacySchema(spec));
    if ('error' in d) continue;
    const raw = versionOf(d.value);
    const v = parseSemver(typeof raw === 'string' ? raw : '');
    const minor = spec % 10;
    // 2.0.0 read the version while decoding: an unparsable one was a decode error.
    if (!v || less(v, 2, minor)) continue;
    if (!exact(v, 2, minor)) return { unknown: true };
    return { spec, config: d.value };
  }
  const d = goUnmarshal(root, legacySchema(1));
  if ('error' in d) {
    // It then decoded into the newest structures to find the error to report.
    const newest = goUnmarshal(root, legacySchema(22));
    return { silent: true, error: 'error' in newest ? newest.error : undefined };
  }
  return d.value.ignitionVersion === 1 ? { spec: 1, config: d.value } : { silent: true };
}

/** The spec a config declares (before decoding), for the `all` set's messages. */
export function declaredLegacyVersion(root: JsonNode): { text: string; node?: JsonNode } | undefined {
  if (root.type !== 'object') return undefined;
  const v1 = root.members.find((m) => m.key.toLowerCase() === 'ignitionversion');
  const ig = root.members.find((m) => m.key.toLowerCase() === 'ignition')?.value;
  const v2 = ig?.type === 'object' ? ig.members.find((m) => m.key.toLowerCase() === 'version') : undefined;
  if (v2 && v2.value.type === 'string') return { text: String(v2.value.value), node: v2.value };
  if (v1) return { text: v1.value.type === 'number' ? `spec ${(v1.value as { raw: string }).raw}` : 'ignitionVersion', node: v1.value };
  return undefined;
}

/** The spec a declared version names, if the online validator read it. */
export function legacySpecOf(version: string): LegacySpec | undefined {
  if (version === 'spec 1') return 1;
  return ({ '2.0.0': 20, '2.1.0': 21, '2.2.0': 22 } as Record<string, LegacySpec>)[version];
}

/** The schema's fields at a JSON object (exact keys, as the validator compared them). */
function unknownKeys(node: JsonNode, schema: z.ZodType, path: PathStep[], out: LegacyEntry[]): void {
  if (schema instanceof z.ZodArray) {
    if (node.type === 'array') node.items.forEach((item, i) => unknownKeys(item, schema.element as z.ZodType, [...path, i], out));
    return;
  }
  if (!(schema instanceof z.ZodObject) || node.type !== 'object') return;
  const shape = schema.shape as Record<string, z.ZodType>;
  const tags = Object.keys(shape);
  for (const m of node.members) {
    if (Object.hasOwn(shape, m.key)) {
      unknownKeys(m.value, shape[m.key], [...path, m.key], out);
      continue;
    }
    const at = [...path, { key: m.key }];
    out.push({ kind: 'warning', message: `Config has unrecognized key: ${m.key}`, path: at, rule: 'ignition-unknown-key' });
    const typo = tags.find((t) => t.toLowerCase() === m.key.toLowerCase());
    if (typo) out.push({ kind: 'info', message: `Did you mean ${typo} instead of ${m.key}`, path: at, rule: 'ignition-unknown-key' });
  }
}

/** Every entry the online validator gave for a config of a legacy spec. */
export function legacyEntries(root: JsonNode, spec: LegacySpec, config: Decoded): LegacyEntry[] {
  const out = legacyChecks(config, spec);
  unknownKeys(root, legacySchema(spec), [], out);
  if (spec === 1) out.push({ kind: 'warning' as Severity, message: 'config format deprecated', path: [], rule: 'ignition-version' });
  return out;
}
