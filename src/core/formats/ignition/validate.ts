/**
 * The Ignition pipeline, as ignition-validate runs it: JSON syntax, the version stub, the spec
 * version, the typed decode, then the semantic checks. The reference rule set reports what it
 * reports where it reports it; the `all` set puts each finding on its token and adds checks.
 */
import type { RuleId } from '../../rule-table';
import type { Finding, Fix, Severity } from '../../types';
import type { FormatInput } from '../format';
import type { LineIndex } from '../../text/line-index';
import { closest } from '../cloud-config/rules/edit-distance';
import { readJson, memberNamed, type JsonNode } from './json-reader';
import { goUnmarshal, versionStub, type Decoded, type GoTypeError } from './go-decode';
import { parseSemver } from './go/semver';
import { schemaFor, type SpecMinor } from './schema';
import { correlate, ERR, nodeAt, referenceChecks, type IgnitionEntry, type PathStep } from './reference-rules';
import { extraChecks, jsonSpelling, type ExtraFinding } from './extra-rules';
import { z } from 'zod';
import { MAX_INPUT_CHARS } from '../../limits';
import { converterChecks } from './legacy/converter';
import type { LegacyEntry } from './legacy/checks';
import { legacySchema, type LegacySpec } from './legacy/schema';
import { declaredLegacyVersion, LEGACY_VERSIONS, legacyEntries, legacyRoute, legacySpecOf, UNKNOWN_CONFIG_MESSAGE } from './legacy/validate';
import { documentPath } from '../../document-path';
import { clip, quoted } from '../../text/quote';
import { jsonValueFix, type ValueFix } from '../value-fix';
import { renameKeyFix } from '../cloud-config/rules/rename-fix';

/** Largest input read (as for cloud-config). */

/** Spec versions ignition-validate v2.20.0 accepts, as written. */
export const SPEC_VERSIONS = ['3.0.0', '3.1.0', '3.2.0', '3.3.0', '3.4.0', '3.5.0', '3.6.0-experimental'] as const;

interface Place {
  from: number;
  to: number;
  /** Offset whose line and byte column the reference prints; undefined: it prints none. */
  refOffset?: number;
  /** The value's path in the config, when the finding is about one. */
  path?: PathStep[];
  /** Quick fixes, which only the `all` set gives. */
  fixes?: Fix[];
}

/** Go's column: bytes from the line start, plus one. */
function byteColumn(lines: LineIndex, offset: number): { line: number; column: number } {
  const { line } = lines.position(offset);
  const [start] = lines.lineRange(line);
  return { line, column: new TextEncoder().encode(lines.text.slice(start, offset)).length + 1 };
}

function place(input: FormatInput, kind: Severity, message: string, rule: RuleId, p: Place): Finding {
  const { lines, rules, text } = input;
  const span = lines.span(p.from, p.to);
  const path = p.path && { path: documentPath(p.path) };
  if (rules === 'reference') {
    // The reference has no place (line 0), or the one vcontext computes, in bytes.
    if (p.refOffset === undefined || p.refOffset >= text.length) {
      return { line: 0, column: 0, endLine: 0, endColumn: 0, kind, message, rule, ...path };
    }
    const a = byteColumn(lines, p.refOffset);
    // A reference place after the token (a value's end) also ends the span.
    const after = span.endLine < a.line || (span.endLine === a.line && span.endColumn < a.column);
    return { ...span, line: a.line, column: a.column, ...(after ? { endLine: a.line, endColumn: a.column } : {}), kind, message, rule, ...path };
  }
  return { ...span, kind, message, rule, ...path, ...(p.fixes?.length ? { fixes: p.fixes } : {}) };
}

/** The version value's node, for placing version findings. */
function versionNode(root: JsonNode): JsonNode | undefined {
  if (root.type !== 'object') return undefined;
  const ig = memberNamed(root, 'ignition')?.value;
  return ig?.type === 'object' ? memberNamed(ig, 'version')?.value : undefined;
}

/** Which spec a parsed version is, if ignition-validate accepts it. */
export function specMinor(version: string): SpecMinor | 'unparsable' | 'unsupported' {
  const sv = parseSemver(version);
  if (!sv) return 'unparsable';
  if (sv.major !== 3 || sv.patch !== 0 || sv.metadata !== '') return 'unsupported';
  if (sv.minor >= 0 && sv.minor <= 5 && sv.preRelease === '') return sv.minor as SpecMinor;
  if (sv.minor === 6 && sv.preRelease === 'experimental') return 6;
  return 'unsupported';
}

/** A spec 1 config (`ignitionVersion`), which coreos-cloudinit recognises and skips. */
function isSpec1(root: JsonNode): boolean {
  if (root.type !== 'object') return false;
  const hasV1 = root.members.some((m) => m.key.toLowerCase() === 'ignitionversion' && m.value.type === 'number');
  const ig = root.members.find((m) => m.key.toLowerCase() === 'ignition')?.value;
  const hasV3 = ig?.type === 'object' && ig.members.some((m) => m.key.toLowerCase() === 'version' && m.value.type === 'string');
  return hasV1 && !hasV3;
}

/** Where an entry goes: its correlated node, or in the `all` set the token it is about. */
function entryPlace(root: JsonNode, e: { path: PathStep[] }): Place {
  const c = correlate(root, e.path);
  const last = e.path[e.path.length - 1];
  if (c.key && typeof last === 'object' && root.type === 'object') {
    return { from: c.offset, to: c.offset + JSON.stringify(last.key).length, refOffset: c.offset, path: e.path };
  }
  const n = c.node;
  if (n.type === 'object' || n.type === 'array') return { from: n.start, to: n.start + 1, refOffset: c.offset, path: e.path };
  return { from: n.start, to: n.end, refOffset: c.offset, path: e.path };
}

/** The object schema at `parent` in `schema`, if there is one. */
function objectAt(schema: z.ZodObject, parent: PathStep[]): z.ZodObject | undefined {
  let shape: z.ZodType | undefined = schema;
  for (const step of parent) {
    if (shape instanceof z.ZodArray) shape = shape.element as z.ZodType;
    if (typeof step === 'number') continue;
    shape = shape instanceof z.ZodObject ? (shape.shape as Record<string, z.ZodType>)[step as string] : undefined;
  }
  if (shape instanceof z.ZodArray) shape = shape.element as z.ZodType;
  return shape instanceof z.ZodObject ? shape : undefined;
}

const specName = (minor: SpecMinor) => `3.${minor}.0${minor === 6 ? '-experimental' : ''}`;

/** The first spec after `minor` that has `key` at `parent`, if any. */
function laterSpecWith(key: string, parent: PathStep[], minor: SpecMinor): SpecMinor | undefined {
  // Own keys only: "constructor" or "__proto__" is no field of any spec.
  for (let m = minor + 1; m <= 6; m++) if (Object.hasOwn(objectAt(schemaFor(m as SpecMinor), parent)?.shape ?? {}, key)) return m as SpecMinor;
  return undefined;
}

/**
 * An unknown key's message in the `all` set: the spec that has it, where a later one does (no
 * typo then, and no rename); else the key it was probably meant to be and the fix renaming it.
 */
function unknownKey(e: IgnitionEntry, schema: z.ZodObject, minor: SpecMinor, root: JsonNode): { message: string; fix?: Fix } {
  const last = e.path[e.path.length - 1] as { key: string };
  const parentPath = e.path.slice(0, -1);
  const shape = objectAt(schema, parentPath);
  const where = e.path.length > 1 ? ` in ${['$', ...parentPath].join('.')}` : '';
  const later = laterSpecWith(last.key, parentPath, minor);
  if (later !== undefined) {
    const message = `unknown key ${quoted(last.key)}${where}: Ignition ignores it in spec ${specName(minor)}; it came with spec ${specName(later)}: set ignition.version to ${specName(later)} or later to use it`;
    return { message };
  }
  const keys = shape ? Object.keys(shape.shape) : [];
  const hint = last.key.length <= 64 ? closest(last.key, keys) : undefined;
  const message = `unknown key ${quoted(last.key)}${where}: Ignition ignores it` + (hint ? `; did you mean "${hint}"?` : '');
  const parent = nodeAt(root, e.path.slice(0, -1));
  if (!hint || parent?.type !== 'object') return { message };
  const member = memberNamed(parent, last.key);
  // Go's decoder matches keys in any case: renaming onto a key the object already has would
  // leave one of the two unread; a key given twice would keep its other occurrence.
  const taken = parent.members.some((m) => m !== member && (m.key.toLowerCase() === hint.toLowerCase() || m.key === last.key));
  if (!member || taken || !fitsField(member.value, (shape as z.ZodObject).shape[hint] as z.ZodType)) return { message };
  return { message, fix: renameKeyFix(member.keyStart, member.keyEnd, '"', hint) };
}

/**
 * Whether a value decodes into a field without a type error and with no key the field lacks:
 * only then is the near-miss name certain (a list of paths under "dirs" is not "disks").
 */
function fitsField(node: JsonNode, field: z.ZodType): boolean {
  const knownKeys = (n: JsonNode, s: z.ZodType): boolean => {
    if (s instanceof z.ZodArray) return n.type !== 'array' || n.items.every((item) => knownKeys(item, s.element as z.ZodType));
    if (!(s instanceof z.ZodObject) || n.type !== 'object') return true;
    const shape = s.shape as Record<string, z.ZodType>;
    return n.members.every((m) => Object.hasOwn(shape, m.key) && knownKeys(m.value, shape[m.key]));
  };
  return !('error' in goUnmarshal(node, field)) && knownKeys(node, field);
}

/** A rule's value fix at the JSON token it is about, as the one fix of a finding. */
function valueFixes(root: JsonNode, path: PathStep[], fix: ValueFix | undefined): Fix[] | undefined {
  const f = fix && jsonValueFix(nodeAt(root, path), fix);
  return f && [f];
}

export function validateIgnition(input: FormatInput): Finding[] {
  const { text, rules, target } = input;
  const all = rules === 'all';
  const at = (kind: Severity, message: string, rule: RuleId, p: Place) => place(input, kind, message, rule, p);
  if (text.length > MAX_INPUT_CHARS) {
    return [at('error', `input is ${(text.length / 1048576).toFixed(1)} MB; the limit is ${MAX_INPUT_CHARS / 1048576} MB`, 'input-too-large', { from: 0, to: 0, refOffset: 0 })];
  }
  if (text === '') return [at('error', all ? 'not a config (empty): an Ignition config is a JSON object with ignition.version' : 'not a config (empty)', 'ignition-version', { from: 0, to: 0 })];
  const read = readJson(text);
  if (!read.ok) {
    const e = read.error;
    const message = all ? `JSON syntax: ${e.message}` : e.message;
    return [at('error', message, 'json-syntax', { from: e.at, to: e.at + 1, refOffset: e.goOffset })];
  }
  const root = read.root;

  const typeFinding = (error: GoTypeError) => {
    const n = error.node;
    const message = all ? friendlyTypeError(error) : error.message;
    const to = n.type === 'object' || n.type === 'array' ? n.start + 1 : n.end;
    return at('error', message, 'ignition-type', { from: n.start, to, refOffset: error.goOffset, path: error.steps });
  };
  // coreos-cloudinit's validator, the reference for sniffed user-data, accepts and skips spec 1.
  if (!input.declared && !all && isSpec1(root)) return [];
  if (target === 'coreos') return coreosFindings(root, text, all, at, typeFinding);

  if (all && isSpec1(root)) {
    const n = root.type === 'object' ? root.members.find((m) => m.key.toLowerCase() === 'ignitionversion')! : undefined;
    const p = n ? { from: n.keyStart, to: n.value.end } : { from: 0, to: 1 };
    return [at('error', 'Ignition spec 1 config (ignitionVersion): Flatcar\'s Ignition does not read spec 1; rewrite it as spec 3 ({"ignition": {"version": "3.4.0"}})', 'ignition-version', p)];
  }

  const stub = goUnmarshal(root, versionStub);
  if ('error' in stub) return [typeFinding(stub.error)];
  const version = String((stub.value.ignition as Decoded | undefined)?.version ?? '');
  const vNode = versionNode(root);
  const vPlace: Place = vNode ? { from: vNode.start, to: vNode.end, path: ['ignition', 'version'] } : root.type === 'object' ? { from: root.start, to: root.start + 1 } : { from: 0, to: 1 };
  const minor = specMinor(version);
  if (minor === 'unparsable' || minor === 'unsupported') {
    const base = minor === 'unparsable' ? ERR.invalidVersion : ERR.unknownVersion;
    if (!all) return [at('error', base, 'ignition-version', vPlace)];
    const supported = `3.0.0 to 3.5.0, or 3.6.0-experimental`;
    const shown = quoted(version);
    const why =
      version === ''
        ? 'ignition.version is missing'
        : minor === 'unparsable'
          ? `${shown} is not a version (x.y.z)`
          : /^2\./.test(version)
            ? `spec ${shown}: Flatcar's Ignition translates 2.x configs at boot, but ignition-validate accepts only spec 3; write it as spec 3`
            : `spec ${shown} is not one Ignition accepts`;
    const versionFinding = at('error', `${base}: ${why} (supported: ${supported})`, 'ignition-version', vPlace);
    return [versionFinding, ...(/^2\./.test(version) ? flatcarTranslation(root, text, version, at, typeFinding) : [])];
  }

  const schema = schemaFor(minor);
  const decoded = goUnmarshal(root, schema);
  if ('error' in decoded) return [typeFinding(decoded.error)];
  const entries = referenceChecks(decoded.value, schema, minor, root);
  const out = entries.map((e) => {
    const p = entryPlace(root, e);
    if (!all) return at(e.kind, e.message, e.rule, p);
    if (e.rule === 'ignition-unknown-key' && typeof e.path[e.path.length - 1] === 'object') {
      const { message, fix } = unknownKey(e, schema, minor, root);
      return at(e.kind, message, e.rule, { ...p, fixes: fix && [fix] });
    }
    return at(e.kind, e.message, e.rule, { ...(e.rule === 'ignition-duplicate' ? { ...p, ...keyPlace(root, e.path) } : p), fixes: valueFixes(root, e.path, e.fix) });
  });
  if (all) {
    if (minor === 6) out.push(at('warning', 'spec 3.6.0-experimental is experimental: Ignition may change it without notice; use 3.5.0 for production', 'ignition-version', vPlace));
    for (const f of extraChecks(decoded.value, minor, target, jsonSpelling(text, root))) out.push(at(f.kind, f.message, f.rule, { ...placeExtra(root, f), fixes: valueFixes(root, f.path, f.fix) }));
  }
  return out;
}

/** How Go types read to a person. */
function wanted(type: string): string {
  if (type === 'int') return 'a whole number';
  if (type === 'bool') return 'true or false';
  if (type.startsWith('[]') || type === 'types.HTTPHeaders') return 'a list';
  if (type === 'string' || /^types\.(Device|Group|SSHAuthorizedKey|KernelArgument|\w+Option|NoProxyItem)$/.test(type)) return 'a string';
  return 'an object';
}

function friendlyTypeError(e: GoTypeError): string {
  const got = e.value.startsWith('number ') ? `the number ${clip(e.value.slice(7))}` : e.value === 'array' ? 'a list' : e.value === 'object' ? 'an object' : `a ${e.value}`;
  const at = e.path === '$' ? 'the config' : e.path;
  return `wrong type: ${at} is ${got}, but Ignition expects ${wanted(e.type)} (Go type ${e.type}); the config is not read`;
}

/** A duplicate entry's key value (its path, name, device...), where the `all` set marks it. */
function keyPlace(root: JsonNode, path: PathStep[]): { from: number; to: number } | undefined {
  const n = nodeAt(root, path);
  if (n?.type !== 'object') return undefined;
  for (const key of ['path', 'name', 'device', 'source', 'url', 'number', 'label']) {
    const m = memberNamed(n, key);
    if (m) return { from: m.value.start, to: m.value.end };
  }
  return undefined;
}

function placeExtra(root: JsonNode, f: ExtraFinding): Place {
  if (f.range) return { from: f.range[0], to: f.range[1], path: f.path };
  return entryPlace(root, f);
}

type At = (kind: Severity, message: string, rule: RuleId, p: Place) => Finding;

/**
 * Where a legacy entry goes. The old validator reported a value at its end offset and a key at
 * the end of the key; a field the config lacks, at the end of the nearest value it has; the
 * spec 1 deprecation, nowhere. The `all` set marks the token, as for spec 3.
 */
function legacyPlace(root: JsonNode, e: LegacyEntry, text: string): Place {
  if (e.message === 'config format deprecated') return { from: root.start, to: root.start + 1 };
  const p = entryPlace(root, e);
  const last = e.path[e.path.length - 1];
  let end = root.end;
  if (typeof last === 'object') {
    const parent = nodeAt(root, e.path.slice(0, -1));
    const m = parent?.type === 'object' ? memberNamed(parent, last.key) : undefined;
    if (m) end = m.keyEnd;
  } else {
    for (let len = e.path.length; len >= 0; len--) {
      const n = nodeAt(root, e.path.slice(0, len));
      if (n) {
        end = n.end;
        break;
      }
    }
  }
  // Go counts the bytes before the (exclusive) end: on the first line that is the column of the
  // last character, on the others the column just after it.
  const ref = text.lastIndexOf('\n', end - 1) < 0 ? end - 1 : end;
  return { ...p, refOffset: Math.max(0, Math.min(ref, text.length - 1)) };
}

function placeLegacy(root: JsonNode, entries: LegacyEntry[], at: At, text: string): Finding[] {
  return entries.map((e) => at(e.kind, e.message, e.rule, legacyPlace(root, e, text)));
}

/** The `coreos` target: CoreOS's online validator, which read spec 1 and 2.0.0 to 2.2.0. */
function coreosFindings(root: JsonNode, text: string, all: boolean, at: At, typeFinding: (e: GoTypeError) => Finding): Finding[] {
  const route = legacyRoute(root);
  if (!all) {
    // The validator gave no place for these.
    if ('unknown' in route) return [at('error', UNKNOWN_CONFIG_MESSAGE, 'ignition-version', { from: root.start, to: root.start + 1 })];
    if ('silent' in route) return route.error ? [typeFinding(route.error)] : [];
    return placeLegacy(root, legacyEntries(root, route.spec, route.config), at, text);
  }
  const declared = declaredLegacyVersion(root);
  const spec = declared ? legacySpecOf(declared.text) : undefined;
  if (spec === undefined) {
    const n = declared?.node;
    const p: Place = n ? { from: n.start, to: n.end } : { from: root.start, to: root.start + 1 };
    const shown = declared?.text.startsWith('spec ') ? `ignitionVersion ${declared.text.slice(5)}` : JSON.stringify((declared?.text ?? '').slice(0, 100));
    const sv = declared && !declared.text.startsWith('spec ') ? parseSemver(declared.text) : undefined;
    const why = !declared
      ? 'neither ignition.version nor ignitionVersion is set, so CoreOS Container Linux did not read it as Ignition'
      : declared.text === 'ignitionVersion'
        ? 'ignitionVersion is not a number'
        : sv?.major === 3
          ? `spec ${shown} is read by Flatcar's Ignition (--target flatcar), not by CoreOS Container Linux's`
          : sv
            ? `spec ${shown} is not one CoreOS Container Linux's Ignition reads`
            : declared.text.startsWith('spec ')
              ? `${shown} is not one CoreOS Container Linux's Ignition reads`
              : `${shown} is not a version (x.y.z)`;
    return [at('error', `unsupported config version: ${why} (supported: ${LEGACY_VERSIONS})`, 'ignition-version', p)];
  }
  if ('spec' in route && route.spec === spec) return placeLegacy(root, legacyEntries(root, spec, route.config), at, text);
  // The config names a spec the validator read but does not decode as it: the first type error.
  const d = goUnmarshal(root, legacySchema(spec));
  if ('error' in d) return [typeFinding(d.error)];
  return placeLegacy(root, legacyEntries(root, spec, d.value), at, text);
}

/**
 * The `all` set on a 2.x config under `flatcar`: Flatcar's Ignition translates 2.0.0 to 2.2.0
 * at boot, refusing a config its 2.x checks find errors in or that ign-converter cannot map.
 */
function flatcarTranslation(root: JsonNode, text: string, version: string, at: At, typeFinding: (e: GoTypeError) => Finding): Finding[] {
  const spec = legacySpecOf(version) as Exclude<LegacySpec, 1> | undefined;
  if (spec === undefined) return [];
  const d = goUnmarshal(root, legacySchema(spec));
  if ('error' in d) return [typeFinding(d.error)];
  const entries = [...legacyEntries(root, spec, d.value), ...converterChecks(d.value)];
  return placeLegacy(root, entries, at, text);
}
