/**
 * Butane configs, variant `flatcar` (1.0.0 → Ignition 3.3.0, 1.1.0 → 3.4.0), as butane v0.22.0
 * checks them: YAML syntax, the variant and version, yaml.v3's decoding into Butane's
 * structures, unused keys, Butane's own checks on its sugar (inline / local / source,
 * contents_local, with_mount_unit, trees, decimal-looking modes), the translation to Ignition
 * (translate.ts), Flatcar's field filter and Ignition's checks on the result, each mapped back
 * to the YAML it came from.
 */
import { z } from 'zod';
import type { RuleId } from '../../rule-table';
import type { Finding, Fix, Severity } from '../../types';
import type { FormatInput, Translation } from '../format';
import type { LineIndex } from '../../text/line-index';
import { failureToError, libyamlOffset, yamlV3Line } from '../../yaml/libyaml-errors';
import { LibyamlFailure } from '../../yaml/libyaml/scanner';
import { buildTreeFromLibyaml } from '../../yaml/libyaml/tree';
import { YAML_V3_READING } from '../../yaml/flavour';
import { TreeError, type DuplicateKey, type Tree, type TreeNode } from '../../yaml/tree';
import { fieldMeta, schemaFor, shapeEntries, type SpecMinor } from '../ignition/schema';
import { referenceChecks, type PathStep } from '../ignition/reference-rules';
import { extraChecks, type ConfigSpelling } from '../ignition/extra-rules';
import { verbatimSpan } from '../cloud-config/rules/source';
import { parseSemver } from '../ignition/go/semver';
import { closest } from '../cloud-config/rules/edit-distance';
import { checkForDecimalMode } from '../decimal-mode';
import { ignitionJson } from './emit';
import { ERR_NO_FILES_DIR } from './local-files';
import { translate, type TranslateOptions } from './translate';
import { snake } from './snake';

import { documentPath } from '../../document-path';
import { nodePaths } from '../../yaml/node-paths';
import { quoted } from '../../text/quote';
import { yamlValueFix, type ValueFix } from '../value-fix';
import { renameFix } from '../cloud-config/rules/rename-fix';
import { Octal } from '../../convert/yaml-emit';

/** Variant and version → the Ignition spec they translate to. */
const TRANSLATORS: Record<string, SpecMinor> = { 'flatcar+1.0.0': 3, 'flatcar+1.1.0': 4, 'flatcar+1.2.0-experimental': 5 };


/** Butane's additions to the Ignition structures, by Go type. */
const SUGAR: Record<string, string[]> = {
  'types.Resource': ['inline', 'local'],
  'types.Storage': ['trees'],
  'types.Filesystem': ['with_mount_unit'],
  'types.Unit': ['contents_local'],
  'types.Dropin': ['contents_local'],
  'types.PasswdUser': ['ssh_authorized_keys_local'],
  'types.Config': ['variant', 'version'],
};
/** Before Ignition 3.4 (Butane flatcar 1.0.0), units and users have no local contents. */
const SUGAR_BEFORE_3_4: Record<string, string[]> = { ...SUGAR, 'types.Unit': [], 'types.Dropin': [], 'types.PasswdUser': [] };

/** Ignition fields Butane's structures leave out: butane writes ignition.version itself. */
const NOT_IN_BUTANE: Record<string, string[]> = { 'types.Ignition': ['version'] };

/** The sugar's own types (butane's schema.go). */
const TREE = z.object({ local: z.string(), path: z.string() });
const SUGAR_TYPES: Record<string, z.ZodType> = {
  inline: z.string(),
  local: z.string(),
  contents_local: z.string(),
  ssh_authorized_keys_local: z.array(z.string()),
  with_mount_unit: z.boolean(),
  trees: z.array(TREE),
  variant: z.string(),
  version: z.string(),
};

interface Entry {
  kind: Severity;
  message: string;
  rule: RuleId;
  /** YAML path (Butane keys). */
  path: PathStep[];
  /** The all set's quick fix, where the right value is certain. */
  fix?: ValueFix;
  /** Where it is, when that is more exact than the node at `path` (a line inside a unit). */
  range?: readonly [number, number];
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** Whether a value is empty as butane's filters see it: nothing set anywhere inside. */
const emptyValue = (v: unknown): boolean =>
  v === undefined || (Array.isArray(v) ? v.every(emptyValue) : typeof v === 'object' && v !== null ? Object.values(v).every(emptyValue) : false);

/** YAML 1.1 booleans yaml.v3 still accepts when the field is a bool. */
export const YAML11_BOOL: Record<string, boolean> = { y: true, Y: true, yes: true, Yes: true, YES: true, on: true, On: true, ON: true, n: false, N: false, no: false, No: false, NO: false, off: false, Off: false, OFF: false };

interface TypeError {
  message: string;
  node: TreeNode;
  /** Where to point, when not at the node's value (a key that does not decode). */
  range?: readonly [number, number];
}

/** A decoding error yaml.v3 stops at (its failf): it alone is reported, without a line. */
class DecodeFailure {
  constructor(readonly error: TreeError) {}
}

/**
 * A structure's key, as yaml.v3 decodes it into a string before looking for its field: a list or
 * mapping is an unmarshal error (the entry is skipped), any other failure stops the decoder.
 * Whether the entry is read on.
 */
function keyDecodes(child: TreeNode, errors: TypeError[]): boolean {
  const fault = child.keyFault;
  if (!fault) return true;
  if (fault.code !== 'collection-key') throw new DecodeFailure(fault);
  errors.push({ message: fault.message, node: child, range: fault.range });
  return false;
}

/** yaml.v3's tag of a value (its explicit tag, else the resolved one): YAML 1.1's other booleans (yes, on...) are strings to it. */
const tagOf = (n: TreeNode) =>
  n.tag ??
  (n.kind === 'bool' && !/^(true|True|TRUE|false|False|FALSE)$/.test(n.text) ? '!!str' : n.kind === 'map' ? '!!map' : n.kind === 'seq' ? '!!seq' : n.kind === 'str' ? '!!str' : n.kind === 'int' ? '!!int' : n.kind === 'float' ? '!!float' : n.kind === 'bool' ? '!!bool' : '!!null');
/** yaml.v3 quotes a scalar's text as written (a !!binary one undecoded), of more than 10 bytes by its first 7 and "...". */
function shown(n: TreeNode): string {
  const tag = tagOf(n);
  if (tag === '!!map' || tag === '!!seq') return '';
  const text = n.kind === 'map' || n.kind === 'seq' ? '' : (n.source ?? n.text);
  const bytes = new TextEncoder().encode(text);
  return bytes.length > 10 ? ` \`${new TextDecoder().decode(bytes.subarray(0, 7))}...\`` : ` \`${text}\``;
}

/** Ignition's named string types that Butane's structures declare as plain strings. */
const PLAIN_STRINGS = new Set(['NoProxyItem', 'MountOption', 'FilesystemOption', 'OpenOption']);

/** The Go type yaml.v3 names for a field: Butane's own (package v0_4 or v0_5), not Ignition's. */
function butaneType(schema: z.ZodType, minor: SpecMinor): string {
  const go = fieldMeta(schema)?.go;
  if (schema instanceof z.ZodArray) return go ?? `[]${butaneType(schema.element as z.ZodType, minor)}`;
  if (!go) return schema instanceof z.ZodBoolean ? 'bool' : schema instanceof z.ZodNumber ? 'int' : schema instanceof z.ZodObject ? 'types.Tree' : 'string';
  return go;
}
const inPackage = (go: string, minor: SpecMinor): string =>
  go.replace(/types\.(\w+)/, (_, name: string) => {
    // Butane 1.1.0's base (v0_5) has plain strings where Ignition 3.4 and v0_4 name them.
    if (PLAIN_STRINGS.has(name) || (minor >= 4 && (name === 'LuksOption' || name === 'RaidOption'))) return 'string';
    return `v0_${minor + 1}.${name === 'Custom' ? 'ClevisCustom' : name}`;
  });

interface DecodeContext {
  /** yaml.v3 goes on after a type error and reports them all. */
  errors: TypeError[];
  /** Keys given twice in a mapping yaml.v3 decodes (it skips what it does not decode). */
  duplicates: DuplicateKey[];
  /** The document's keys given twice, by the path of their mapping (see parentKey). */
  duplicatesIn: ReadonlyMap<string, DuplicateKey[]>;
  /** The all set says each extra occurrence once; the reference, as yaml.v3, every pair. */
  pairs: (twice: readonly DuplicateKey[]) => DuplicateKey[];
  /** Sugar keys of this Butane version, by Go type. */
  sugar: Record<string, string[]>;
  minor: SpecMinor;
}

/** The keys given twice in one mapping as yaml.v3 reports them: every pair, so a key given three times is two errors at the third. */
function duplicatePairs(twice: readonly DuplicateKey[]): DuplicateKey[] {
  const byName = new Map<string, DuplicateKey['first'][]>();
  for (const d of twice) {
    const ranges = byName.get(d.name);
    if (ranges) ranges.push(d.second);
    else byName.set(d.name, [d.first, d.second]);
  }
  const out: DuplicateKey[] = [];
  for (const [name, ranges] of byName) {
    for (let j = 1; j < ranges.length; j++) for (let i = 0; i < j; i++) out.push({ path: twice[0].path, name, first: ranges[i], second: ranges[j] });
  }
  return out;
}

/** Each occurrence after the first, once, against the first: the all set's n - 1 findings for a key given n times. */
function laterOccurrences(twice: readonly DuplicateKey[]): DuplicateKey[] {
  const first = new Map<string, DuplicateKey['first']>();
  return twice.map((d) => {
    if (!first.has(d.name)) first.set(d.name, d.first);
    return { ...d, first: first.get(d.name)! };
  });
}

/** The mapping a key given twice belongs to, as a lookup key. */
const parentKey = (path: readonly (string | number)[]) => JSON.stringify(path);

/** What yaml.v3 leaves out of a list: an item it could not decode, or a null one. */
const SKIPPED = Symbol('skipped');

type Fields = ReadonlyMap<string, { field: string; schema: z.ZodType }>;
/** Built once per structure and sugar: the decoder and the unused-key check ask for every mapping. */
const fieldsBySugar = new WeakMap<Record<string, string[]>, WeakMap<z.ZodObject, Fields>>();

/** The fields a Butane structure has, by YAML key: Ignition's (less what Butane leaves out) and the sugar. */
function fieldsOf(schema: z.ZodObject, sugar: Record<string, string[]>): Fields {
  let known = fieldsBySugar.get(sugar);
  if (!known) fieldsBySugar.set(sugar, (known = new WeakMap()));
  let out = known.get(schema);
  if (out) return out;
  const go = fieldMeta(schema)?.go ?? '';
  const fields = new Map<string, { field: string; schema: z.ZodType }>();
  for (const [k, child] of shapeEntries(schema)) if (!NOT_IN_BUTANE[go]?.includes(k)) fields.set(snake(k), { field: k, schema: child });
  for (const k of sugar[go] ?? []) fields.set(k, { field: k, schema: SUGAR_TYPES[k] });
  known.set(schema, (out = fields));
  return out;
}

/** Decodes a YAML node into a Butane structure (Ignition's, snake_cased, plus the sugar), as yaml.v3 does. */
function decode(node: TreeNode, schema: z.ZodType, ctx: DecodeContext): unknown {
  // A scalar is resolved against its tag before anything else; a mapping's merge fails after its keys.
  if (node.fault && node.kind !== 'map') throw new DecodeFailure(node.fault);
  if (node.kind === 'null') return SKIPPED;
  const refuse = (into: string) => {
    ctx.errors.push({ message: `cannot unmarshal ${tagOf(node)}${shown(node)} into ${inPackage(into, ctx.minor)}`, node });
    return SKIPPED;
  };
  if (node.kind === 'map') {
    // A mapping with a key given twice is refused whole, before its type is looked at.
    const twice = ctx.duplicatesIn.size ? ctx.duplicatesIn.get(parentKey(node.path)) : undefined;
    if (twice) {
      ctx.duplicates.push(...ctx.pairs(twice));
      return SKIPPED;
    }
  }
  if (schema instanceof z.ZodObject) {
    if (node.kind !== 'map') return refuse(butaneType(schema, ctx.minor));
    const fields = fieldsOf(schema, ctx.sugar);
    const out: Obj = {};
    for (const child of node.children) {
      if (!keyDecodes(child, ctx.errors)) continue;
      // yaml.v3 never decodes the value of a key no field takes.
      const f = fields.get(child.rawName);
      if (!f) continue;
      const v = decode(child, f.schema, ctx);
      if (v !== SKIPPED) out[f.field] = v;
    }
    if (node.fault) throw new DecodeFailure(node.fault);
    return out;
  }
  if (schema instanceof z.ZodArray) {
    if (node.kind !== 'seq') return refuse(butaneType(schema, ctx.minor));
    return node.children.map((c) => decode(c, schema.element as z.ZodType, ctx)).filter((v) => v !== SKIPPED);
  }
  if (node.kind === 'map' || node.kind === 'seq') return refuse(butaneType(schema, ctx.minor));
  if (schema instanceof z.ZodNumber) {
    if (node.kind === 'int' && typeof node.value === 'number') return node.value;
    // yaml.v3 takes any float up to 2^63 (so not NaN) into an int field, converted as Go on amd64
    // converts: truncated, or the lowest int64 where it does not fit (-Inf, -1e19, 2^63 itself).
    // (0o644 needs nothing here: yaml.v3 resolves it as an int; a quoted "0o644" is a string, refused.)
    if (node.kind === 'float' && typeof node.value === 'number' && node.value <= 2 ** 63) {
      return node.value > -(2 ** 63) && node.value < 2 ** 63 ? Math.trunc(node.value) : -(2 ** 63);
    }
    return refuse('int');
  }
  if (schema instanceof z.ZodBoolean) {
    if (node.kind === 'bool') return node.value;
    if (Object.hasOwn(YAML11_BOOL, node.text)) return YAML11_BOOL[node.text];
    return refuse('bool');
  }
  return node.text;
}

/**
 * Ignition's unused-key check as butane runs it on its structures: every structure of the
 * decoded config, at its path (list indices of the decoded lists), against the YAML node at
 * that path; a node that is there but not a mapping gets vcontext's warning instead.
 */
function unusedKeys(value: unknown, schema: z.ZodType, path: PathStep[], root: TreeNode, sugar: Record<string, string[]>, out: Entry[]): void {
  if (schema instanceof z.ZodArray) {
    arr(value).forEach((v, i) => unusedKeys(v, schema.element as z.ZodType, [...path, i], root, sugar, out));
    return;
  }
  if (!(schema instanceof z.ZodObject)) return;
  const node = nodeAt(root, path);
  if (!node) return;
  if (node.kind !== 'map' || node.aliased) {
    const where = ['$', ...path].join('.');
    out.push({ kind: 'warning', message: `context tree does not match content tree at ${where}. Line and column reporting may be inconsistent. Unused keys may not be reported.`, rule: 'ignition-unknown-key', path });
    return;
  }
  const fields = fieldsOf(schema, sugar);
  for (const child of node.children) {
    const key = child.contextKey ?? child.rawName;
    if (!child.merged && !fields.has(key)) out.push({ kind: 'warning', message: `Unused key ${key}`, rule: 'ignition-unknown-key', path: [...path, { key }] });
  }
  const o = obj(value);
  for (const [key, f] of fields) unusedKeys(o[f.field], f.schema, [...path, key], root, sugar, out);
}

/**
 * The child of a node in butane's context tree (the YAML node tree): an alias is a leaf there,
 * and what a merge brought in is not there.
 */
function contextChild(n: TreeNode, step: string | number): TreeNode | undefined {
  if (n.aliased) return undefined;
  if (typeof step === 'number') return n.kind === 'seq' ? n.children[step] : undefined;
  return n.kind === 'map' ? n.children.find((c) => (c.contextKey ?? c.rawName) === step && !c.merged) : undefined;
}

/** The YAML node at exactly this path, if there is one. */
function nodeAt(root: TreeNode, path: PathStep[]): TreeNode | undefined {
  let n: TreeNode | undefined = root;
  for (const step of path) {
    if (!n) return undefined;
    n = typeof step === 'object' ? undefined : contextChild(n, step);
  }
  return n;
}

/** The YAML node at a Butane path, or the deepest one that exists, and whether a key was asked for. */
function yamlAt(root: TreeNode, path: PathStep[]): { node: TreeNode; key: boolean } {
  let n = root;
  for (const step of path) {
    const next = contextChild(n, typeof step === 'object' ? step.key : step);
    if (!next) return { node: n, key: false };
    if (typeof step === 'object') return { node: next, key: true };
    n = next;
  }
  return { node: n, key: false };
}

/** Where vcontext's YAML markers point: a mapping at its first key, a sequence at its start, others at their value. */
function markerOf(n: TreeNode, key: boolean): [number, number] {
  if (key && n.keyRange) return [n.keyRange[0], n.keyRange[1]];
  if (n.aliased) return [n.valueRange[0], Math.max(n.valueRange[1], n.valueRange[0] + 1)];
  if (n.kind === 'map' && n.children[0]?.keyRange) return [n.children[0].keyRange[0], n.children[0].keyRange[1]];
  // yaml.v3 marks a sequence at its first `-` (or its `[`).
  if (n.kind === 'seq' && n.children[0]) return [n.valueRange[0], markerOf(n.children[0], false)[1]];
  return [n.valueRange[0], Math.max(n.valueRange[1], n.valueRange[0] + 1)];
}

/** Butane's own checks on its structures (validate.go of its base version). */
function butaneChecks(config: Obj, schema: z.ZodType, path: PathStep[], out: Entry[]): void {
  if (schema instanceof z.ZodArray) {
    if (Array.isArray(config)) config.forEach((x, i) => butaneChecks(x as Obj, schema.element as z.ZodType, [...path, i], out));
    return;
  }
  if (!(schema instanceof z.ZodObject) || !config || typeof config !== 'object') return;
  const go = fieldMeta(schema)?.go;
  if (go === 'types.Resource') {
    const set = (['local', 'inline', 'source'] as const).filter((k) => config[k] !== undefined);
    if (set.length > 1) out.push({ kind: 'error', message: 'only one of the following can be set: inline, local, source', rule: 'butane-sources', path: [...path, set[set.length - 1]] });
  }
  if ((go === 'types.File' || go === 'types.Directory') && typeof config.mode === 'number' && checkForDecimalMode(config.mode, go === 'types.Directory')) {
    // The digits were meant as octal: 644 is 0644.
    const meant = parseInt(String(config.mode), 8);
    const fix = { title: `Write 0${config.mode}`, value: new Octal(meant), was: config.mode };
    out.push({ kind: 'warning', message: 'unreasonable mode would be reasonable if specified in octal; remember to add a leading zero', rule: 'butane-mode', path: [...path, 'mode'], fix });
  }
  if ((go === 'types.Unit' || go === 'types.Dropin') && config.contents_local !== undefined && config.contents !== undefined) {
    out.push({ kind: 'error', message: 'only one of the following can be set: contents, contents_local', rule: 'butane-sources', path: [...path, 'contents_local'] });
  }
  if (go === 'types.Filesystem' && config.with_mount_unit === true) {
    if (config.format === undefined || config.format === '') out.push({ kind: 'error', message: 'format is required if with_mount_unit is true', rule: 'butane-mount-unit', path: [...path, 'format'] });
    else if (config.format !== 'swap' && (config.path === undefined || config.path === '')) out.push({ kind: 'error', message: 'path is required if with_mount_unit is true and format is not swap', rule: 'butane-mount-unit', path: [...path, 'path'] });
  }
  if (go === 'types.Storage' && Array.isArray(config.trees)) {
    config.trees.forEach((t, i) => ((t as Obj).local ?? '') === '' && out.push({ kind: 'error', message: 'local is required', rule: 'butane-sources', path: [...path, 'trees', i] }));
  }
  for (const [k, child] of shapeEntries(schema)) if (config[k] !== undefined) butaneChecks(config[k] as Obj, child, [...path, snake(k)], out);
}


export function validateButane(input: FormatInput): Finding[] {
  return translateButane(input).findings;
}

/** Butane's findings on a config, and its translation when butane would write one. */
export function translateButane(input: FormatInput, options: TranslateOptions = {}): Translation {
  const { text, lines, rules, target } = input;
  const all = rules === 'all';
  const place = (kind: Severity, message: string, rule: RuleId, range?: readonly [number, number], path?: string, fixes?: Fix[]): Finding => {
    const at = path === undefined ? {} : { path };
    if (!range) return { line: 0, column: 0, endLine: 0, endColumn: 0, kind, message, rule, ...at };
    return { ...lines.span(range[0], range[1]), kind, message, rule, ...at, ...(fixes?.length ? { fixes } : {}) };
  };
  /** yaml.v3's decoder prints no line with the errors it stops at. */
  const failure = (e: TreeError): Translation => {
    const message = e.code === 'alias-budget' ? 'document contains excessive aliasing' : e.message;
    return { findings: [place('error', message, 'yaml-syntax', all ? [e.range[0], e.range[1]] : undefined)] };
  };
  let tree: Tree;
  try {
    // Butane reads YAML with yaml.v3 (one pass: its syntax errors and unknown anchors in the order
    // the text meets them), and decodes it into structures (see decode).
    tree = buildTreeFromLibyaml(text, 100_000 + text.length, YAML_V3_READING);
  } catch (e) {
    if (e instanceof LibyamlFailure) {
      const syntax = failureToError(e);
      const at = libyamlOffset(syntax);
      if (all) return { findings: [place('error', `YAML syntax: ${syntax.problem}`, 'yaml-syntax', [at, at + 1])] };
      const line = yamlV3Line(syntax);
      if (line === 0) return { findings: [place('error', syntax.problem, 'yaml-syntax')] };
      const [from, to] = lines.lineRange(Math.min(line, lines.lineCount));
      return { findings: [place('error', syntax.problem, 'yaml-syntax', [from, to])] };
    }
    if (!(e instanceof TreeError)) throw e;
    return failure(e);
  }
  const root = tree.root;
  const pathOf = nodePaths(root);
  const top = (k: string) => (root.kind === 'map' ? root.children.find((c) => c.rawName === k) : undefined);
  const variant = top('variant');
  const version = top('version');
  const duplicate = (d: DuplicateKey) => place('error', `mapping key ${JSON.stringify(d.name)} already defined at line ${lines.lineOf(d.first[0])}`, 'butane-type', [d.second[0], d.second[1]], documentPath(d.path));
  // butane first reads variant and version alone, with yaml.v3: the top mapping must decode.
  const topTwice = tree.duplicates.filter((d) => d.path.length === 1);
  const pairs = all ? laterOccurrences : duplicatePairs;
  if (topTwice.length) return { findings: pairs(topTwice).map(duplicate) };
  const typeError = (e: TypeError) => {
    const range = e.range ?? e.node.valueRange;
    return place('error', e.message, 'butane-type', [range[0], Math.max(range[1], range[0] + 1)], pathOf(e.node));
  };
  const refused = (n: TreeNode, into: string) => typeError({ message: `cannot unmarshal ${tagOf(n)}${shown(n)} into ${into}`, node: n });
  const duplicatesIn = new Map<string, DuplicateKey[]>();
  for (const d of tree.duplicates) {
    const key = parentKey(d.path.slice(0, -1));
    const list = duplicatesIn.get(key);
    if (list) list.push(d);
    else duplicatesIn.set(key, [d]);
  }
  try {
    // That first reading decodes every key of the top mapping, but only these two values.
    if (root.fault && root.kind !== 'map') throw new DecodeFailure(root.fault);
    if (root.kind !== 'map' && root.kind !== 'null') return { findings: [refused(root, 'config.commonFields')] };
    const errors: TypeError[] = [];
    const twice: DuplicateKey[] = [];
    for (const c of root.children) {
      if (!keyDecodes(c, errors) || (c.rawName !== 'variant' && c.rawName !== 'version')) continue;
      if (c.fault && c.kind !== 'map') throw new DecodeFailure(c.fault);
      const inside = c.kind === 'map' ? duplicatesIn.get(parentKey(c.path)) : undefined;
      if (inside) twice.push(...pairs(inside));
      else if (c.kind === 'map' || c.kind === 'seq') errors.push({ message: `cannot unmarshal ${tagOf(c)} into string`, node: c });
    }
    if (root.fault) throw new DecodeFailure(root.fault);
    if (errors.length || twice.length) return { findings: [...twice.map(duplicate), ...errors.map(typeError)] };
  } catch (e) {
    if (e instanceof DecodeFailure) return failure(e.error);
    throw e;
  }
  if (variant?.kind === 'null' || version?.kind === 'null') {
    // A null is no value at all.
    if (variant?.kind === 'null' || !variant || variant.text === '') return { findings: [place('error', 'error parsing variant; must be specified', 'butane-version')] };
    return { findings: [place('error', 'error parsing version; must be a valid semver', 'butane-version')] };
  }
  if (variant?.text === 'rhcos' && version?.text.trim() === '0.1.0') {
    return { findings: [place('error', 'rhcos variant has been removed; use openshift variant instead: https://coreos.github.io/butane/upgrading-openshift/', 'butane-version', all ? [variant.valueRange[0], variant.valueRange[1]] : undefined, all ? '$.variant' : undefined)] };
  }
  if (!variant || variant.text === '') return { findings: [place('error', 'error parsing variant; must be specified', 'butane-version', variant ? [variant.valueRange[0], variant.valueRange[1]] : undefined, variant && '$.variant')] };
  const sv = parseSemver(version?.text ?? '');
  const vRange: [number, number] | undefined = version ? [version.valueRange[0], version.valueRange[1]] : undefined;
  if (!sv) return { findings: [place('error', 'error parsing version; must be a valid semver', 'butane-version', vRange, version && '$.version')] };
  const canonical = `${sv.major}.${sv.minor}.${sv.patch}${sv.preRelease ? '-' + sv.preRelease : ''}${sv.metadata ? '+' + sv.metadata : ''}`;
  const minor = TRANSLATORS[`${variant.text}+${canonical}`];
  if (minor === undefined) {
    const known = variant.text === 'flatcar' ? '' : ['fcos', 'openshift', 'rhcos', 'fiot', 'r4e'].includes(variant.text) ? `; variant ${variant.text} is Butane's, but only flatcar is checked here` : '';
    const message = `No translator exists for variant ${variant.text} with version ${canonical}`;
    const where: [number, number] | undefined = variant.text === 'flatcar' && vRange ? vRange : [variant.valueRange[0], variant.valueRange[1]];
    const wherePath = variant.text === 'flatcar' && vRange ? '$.version' : '$.variant';
    return { findings: [place('error', all ? message + (known || '; variant flatcar has 1.0.0 and 1.1.0') : message, 'butane-version', all ? where : undefined, all ? wherePath : undefined)] };
  }
  const ignSchema = schemaFor(minor);
  const entries: Entry[] = [];
  const sugar = minor >= 4 ? SUGAR : SUGAR_BEFORE_3_4;
  const ctx: DecodeContext = { errors: [], duplicates: [], duplicatesIn, pairs, sugar, minor };
  let decoded: unknown;
  try {
    decoded = decode(root, ignSchema, ctx);
  } catch (e) {
    if (e instanceof DecodeFailure) return failure(e.error);
    throw e;
  }
  const config = (decoded === SKIPPED ? {} : decoded) as Obj;
  if (ctx.errors.length || ctx.duplicates.length) {
    return {
      findings: [
        // yaml.v3 refuses a mapping with a key given twice.
        ...ctx.duplicates.map(duplicate),
        ...ctx.errors.map(typeError),
      ],
    };
  }
  unusedKeys(config, ignSchema, [], root, sugar, entries);
  // butane's order: its own checks, the translation, Flatcar's field filter, Ignition's checks;
  // errors at one step end it.
  butaneChecks(config, ignSchema, [], entries);
  const fatal = () => entries.some((e) => e.kind === 'error');
  let ignition: Obj | undefined;
  // The all set's checks of what still breaks a machine at first boot, on the Ignition the
  // config becomes; apart from `entries`, as butane would write that Ignition all the same.
  let extras: Entry[] = [];
  if (!fatal()) {
    const t = translate(config, ignSchema, options);
    ignition = t.ignition;
    for (const e of t.errors) {
      // Without a files directory: say how to give one, and what to do where none can be (the browser).
      const hint = all && e.message === ERR_NO_FILES_DIR && !options.files ? '; none was given (the CLI takes --files-dir DIR; in the browser no local file can be read: inline its contents)' : '';
      entries.push({ ...e, message: e.message + hint });
    }
    if (!fatal()) {
      // Flatcar's specs leave clevis out: butane's field filter refuses it.
      arr(obj(ignition.storage).luks).forEach((l, i) => {
        if (emptyValue(obj(l).clevis)) return;
        entries.push({ kind: 'error', message: 'clevis is not supported in this spec version', rule: 'butane-unsupported', path: t.origin(['storage', 'luks', i, 'clevis']) });
      });
    }
    (ignition.ignition as Obj | undefined) ?? (ignition.ignition = {});
    (ignition.ignition as Obj).version = `3.${minor}.0`;
    if (!fatal()) {
      for (const e of referenceChecks(ignition, ignSchema, minor, { type: 'object', start: 0, end: 0, members: [] })) {
        entries.push({ ...e, path: t.origin(e.path) });
      }
      if (all) extras = extraChecks(ignition, minor, target, butaneSpelling({ text, lines }, root, t.origin)).map((f) => ({ ...f, path: t.origin(f.path) }));
    }
  }
  const findings = [...entries, ...extras].map((e) => {
    const { node, key } = yamlAt(root, e.path);
    const last = e.path[e.path.length - 1];
    let message = e.message;
    let fix: Fix | undefined;
    if (all && e.rule === 'ignition-unknown-key' && typeof last === 'object') {
      // A key of a later version is no typo: renaming it to a near miss would be wrong.
      const later = laterVersionWith(last.key, e.path, minor);
      const hint = later ? undefined : suggestedKey(last.key, e.path, minor);
      message = `unknown key ${quoted(last.key)}: Butane ignores it` + (later ? laterVersionNote(canonical, later) : hint ? `; did you mean "${hint}"?` : '');
      // Renaming onto a key the mapping already has would make it a duplicate, which yaml.v3 refuses.
      const parent = nodeAt(root, e.path.slice(0, -1));
      const parentSchema = schemaAt(e.path.slice(0, -1), ignSchema);
      const field = hint && parentSchema ? fieldsOf(parentSchema, sugar).get(hint) : undefined;
      const taken = parent?.kind !== 'map' || parent.children.some((c) => c.rawName === hint);
      if (field && key && node.keyRange && !taken && fitsField(node, field.schema, sugar, minor)) fix = renameFix({ text }, node, hint!);
    } else if (all && e.fix) {
      // The token at exactly the finding's path, holding the value the rule judged: never one the translation made.
      fix = yamlValueFix(text, nodeAt(root, e.path), e.fix);
    }
    return place(e.kind, message, e.rule, e.range ?? markerOf(node, key), documentPath(e.path), fix && [fix]);
  });
  return { findings, ignition: fatal() || !ignition ? undefined : ignitionJson(ignition, ignSchema) };
}

/** How a Butane config writes what Ignition's checks name: snake_case fields, octal modes, and string values in YAML. */
function butaneSpelling(source: { text: string; lines: LineIndex }, root: TreeNode, origin: (path: PathStep[]) => PathStep[]): ConfigSpelling {
  return {
    rangeIn: (path, value, from, to) => {
      // Only a string the config writes as it is: not a file name that local contents came from.
      const node = nodeAt(root, origin(path));
      return node?.kind === 'str' && node.text === value ? verbatimSpan(source, node, from, to) : undefined;
    },
    field: snake,
    modeValue: (mode) => `0${mode.toString(8)}`,
  };
}

/** The structure at a Butane path (its Ignition schema), if the path leads to one. */
function schemaAt(path: PathStep[], schema: z.ZodObject): z.ZodObject | undefined {
  let s: z.ZodType | undefined = schema;
  for (const step of path) {
    if (s instanceof z.ZodArray) s = s.element as z.ZodType;
    if (typeof step !== 'string') continue;
    const shape: Record<string, z.ZodType> = s instanceof z.ZodObject ? (s.shape as Record<string, z.ZodType>) : {};
    s = Object.entries(shape).find(([k]) => snake(k) === step)?.[1];
  }
  if (s instanceof z.ZodArray) s = s.element as z.ZodType;
  return s instanceof z.ZodObject ? s : undefined;
}

/**
 * Whether a value decodes into a field without a type error and with no key the field lacks:
 * only then is the near-miss name certain (a list of paths under "dirs" is not "disks").
 */
function fitsField(node: TreeNode, field: z.ZodType, sugar: Record<string, string[]>, minor: SpecMinor): boolean {
  const ctx: DecodeContext = { errors: [], duplicates: [], duplicatesIn: new Map(), pairs: laterOccurrences, sugar, minor };
  decode(node, field, ctx);
  const knownKeys = (n: TreeNode, s: z.ZodType): boolean => {
    if (s instanceof z.ZodArray) return n.kind !== 'seq' || n.children.every((c) => knownKeys(c, s.element as z.ZodType));
    if (!(s instanceof z.ZodObject) || n.kind !== 'map') return true;
    const fields = fieldsOf(s, sugar);
    return n.children.every((c) => {
      const f = fields.get(c.rawName);
      return f !== undefined && knownKeys(c, f.schema);
    });
  };
  return ctx.errors.length === 0 && knownKeys(node, field);
}

/** The keys a Butane config of the version translating to spec 3.`minor` takes at `parent`. */
function keysAt(parent: PathStep[], minor: SpecMinor): string[] {
  const s = schemaAt(parent, schemaFor(minor));
  if (!s) return [];
  const go = fieldMeta(s)?.go ?? '';
  const sugar = minor >= 4 ? SUGAR : SUGAR_BEFORE_3_4;
  return [...Object.keys(s.shape).filter((k) => !NOT_IN_BUTANE[go]?.includes(k)).map(snake), ...(sugar[go] ?? [])];
}

/** The key an unknown one was probably meant to be: a near miss of a key valid at its place. */
function suggestedKey(key: string, path: PathStep[], minor: SpecMinor): string | undefined {
  return key.length <= 64 ? closest(key, keysAt(path.slice(0, -1), minor)) : undefined;
}

const laterVersionNote = (own: string, later: string) =>
  later.includes('-') ? ` in version ${own}; only version ${later} has it` : ` in version ${own}; it came with version ${later}: set version: ${later} to use it`;

/** The first flatcar version after the config's own that takes `key` at its place, if any. */
function laterVersionWith(key: string, path: PathStep[], minor: SpecMinor): string | undefined {
  return Object.entries(TRANSLATORS).find(([, m]) => m > minor && keysAt(path.slice(0, -1), m).includes(key))?.[0].replace(/^flatcar\+/, '');
}
