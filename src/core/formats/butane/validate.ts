/**
 * Butane configs, variant `flatcar` (1.0.0 → Ignition 3.3.0, 1.1.0 → 3.4.0), as butane v0.22.0
 * checks them: YAML syntax, the variant and version, unused keys, Butane's own checks on its
 * sugar (inline / local / source, contents_local, decimal-looking modes), the translation to
 * Ignition, and Ignition's checks on the result, each mapped back to the YAML it came from.
 */
import { z } from 'zod';
import type { RuleId } from '../../rule-table';
import type { Finding, Severity } from '../../types';
import type { FormatInput } from '../format';
import { firstLibyamlError, libyamlOffset } from '../../yaml/libyaml-errors';
import { buildTreeFromLibyaml } from '../../yaml/libyaml/tree';
import { TreeError, type Tree, type TreeNode } from '../../yaml/tree';
import { fieldMeta, schemaFor, type SpecMinor } from '../ignition/schema';
import { referenceChecks, type PathStep } from '../ignition/reference-rules';
import { parseSemver } from '../ignition/go/semver';
import { closest } from '../../rules/edit-distance';
import { checkForDecimalMode } from '../decimal-mode';
import { dataUrlOf } from './data-url';
import { ignitionJson } from './emit';
import { documentPath } from '../../document-path';
import { nodePaths } from '../../yaml/node-paths';
import { quoted } from '../../text/quote';

/** Variant and version → the Ignition spec they translate to. */
const TRANSLATORS: Record<string, SpecMinor> = { 'flatcar+1.0.0': 3, 'flatcar+1.1.0': 4, 'flatcar+1.2.0-experimental': 5 };

/** Go field name to Butane's key: camelCase to snake_case, MiB as one word. */
export const snake = (key: string) => key.replace(/(MiB|[A-Z])/g, (m) => '_' + m.toLowerCase());

/** Butane's additions to the Ignition structures, by Go type. */
const SUGAR: Record<string, string[]> = {
  'types.Resource': ['inline', 'local'],
  'types.Storage': ['trees'],
  'types.Filesystem': ['with_mount_unit'],
  'types.Unit': ['contents_local'],
  'types.Dropin': ['contents_local'],
  'types.Config': ['variant', 'version'],
};

interface Entry {
  kind: Severity;
  message: string;
  rule: RuleId;
  /** YAML path (Butane keys). */
  path: PathStep[];
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** Whether a value is empty as butane's filters see it: nothing set anywhere inside. */
const emptyValue = (v: unknown): boolean =>
  v === undefined || (Array.isArray(v) ? v.every(emptyValue) : typeof v === 'object' && v !== null ? Object.values(v).every(emptyValue) : false);

/** YAML 1.1 booleans yaml.v3 still accepts when the field is a bool. */
const YAML11_BOOL: Record<string, boolean> = { y: true, Y: true, yes: true, Yes: true, YES: true, on: true, On: true, ON: true, n: false, N: false, no: false, No: false, NO: false, off: false, Off: false, OFF: false };

interface TypeError {
  message: string;
  node: TreeNode;
}

const tagOf = (n: TreeNode) => (n.kind === 'map' ? '!!map' : n.kind === 'seq' ? '!!seq' : n.kind === 'str' ? '!!str' : n.kind === 'int' ? '!!int' : n.kind === 'float' ? '!!float' : n.kind === 'bool' ? '!!bool' : '!!null');
const shown = (n: TreeNode) => (n.kind === 'map' || n.kind === 'seq' ? '' : ` \`${n.text.slice(0, 60)}\``);

interface DecodeContext {
  unused: Entry[];
  /** yaml.v3 goes on after a type error and reports them all. */
  errors: TypeError[];
  /** Sugar keys of this Butane version, by Go type. */
  sugar: Record<string, string[]>;
}

/** Decodes a YAML node into a Butane structure (Ignition's, snake_cased, plus the sugar). */
function decode(node: TreeNode, schema: z.ZodType, ctx: DecodeContext, path: PathStep[]): unknown {
  if (node.kind === 'null') return undefined;
  const go = fieldMeta(schema)?.go ?? '';
  const refuse = (into: string) => {
    ctx.errors.push({ message: `cannot unmarshal ${tagOf(node)}${shown(node)} into ${into}`, node });
    return undefined;
  };
  if (schema instanceof z.ZodObject) {
    if (node.kind !== 'map') return refuse(go);
    const shape = schema.shape as Record<string, z.ZodType>;
    const byKey = new Map(Object.keys(shape).map((k) => [snake(k), k]));
    const sugar = ctx.sugar[go] ?? [];
    const out: Obj = {};
    for (const child of node.children) {
      const key = child.rawName;
      const field = byKey.get(key);
      if (field !== undefined) out[field] = decode(child, shape[field], ctx, [...path, key]);
      else if (key === 'trees' && sugar.includes(key)) out.trees = child.children.map((t) => ({ local: scalar(t.children.find((c) => c.rawName === 'local')), path: scalar(t.children.find((c) => c.rawName === 'path')) }));
      else if (sugar.includes(key)) out[key] = key === 'with_mount_unit' ? decode(child, z.boolean(), ctx, [...path, key]) : scalar(child);
      else ctx.unused.push({ kind: 'warning', message: `Unused key ${key}`, rule: 'ignition-unknown-key', path: [...path, { key }] });
    }
    return out;
  }
  if (schema instanceof z.ZodArray) {
    if (node.kind !== 'seq') return refuse(go);
    return node.children.map((c, i) => decode(c, schema.element as z.ZodType, ctx, [...path, i]));
  }
  if (node.kind === 'map' || node.kind === 'seq') return refuse(go);
  if (schema instanceof z.ZodNumber) {
    if (node.kind === 'int' && typeof node.value === 'number') return node.value;
    // yaml.v3 reads 0o644 as octal too.
    if (node.kind === 'str' && /^0o[0-7]+$/.test(node.text)) return parseInt(node.text.slice(2), 8);
    return refuse('int');
  }
  if (schema instanceof z.ZodBoolean) {
    if (node.kind === 'bool') return node.value;
    if (node.text in YAML11_BOOL) return YAML11_BOOL[node.text];
    return refuse('bool');
  }
  return node.text;
}

const scalar = (n: TreeNode | undefined): unknown => (n === undefined || n.kind === 'null' ? undefined : n.kind === 'bool' || n.kind === 'int' ? n.value : n.text);

/** The YAML node at a Butane path, or the deepest one that exists, and whether a key was asked for. */
function yamlAt(root: TreeNode, path: PathStep[]): { node: TreeNode; key: boolean } {
  let n = root;
  for (const step of path) {
    const next =
      typeof step === 'number'
        ? n.kind === 'seq' ? n.children[step] : undefined
        : n.kind === 'map' ? n.children.find((c) => c.rawName === (typeof step === 'object' ? step.key : step)) : undefined;
    if (!next) return { node: n, key: false };
    if (typeof step === 'object') return { node: next, key: true };
    n = next;
  }
  return { node: n, key: false };
}

/** Where vcontext's YAML markers point: a mapping at its first key, others at their value. */
function markerOf(n: TreeNode, key: boolean): [number, number] {
  if (key && n.keyRange) return [n.keyRange[0], n.keyRange[1]];
  if (n.kind === 'map' && n.children[0]?.keyRange) return [n.children[0].keyRange[0], n.children[0].keyRange[1]];
  if (n.kind === 'seq' && n.children[0]) return markerOf(n.children[0], false);
  return [n.valueRange[0], Math.max(n.valueRange[1], n.valueRange[0] + 1)];
}

/** An Ignition path of the translated config, in Butane's keys. */
function butanePath(ign: PathStep[], config: Obj): PathStep[] {
  const out: PathStep[] = [];
  let value: unknown = config;
  for (const step of ign) {
    if (typeof step === 'object') {
      out.push(step);
      continue;
    }
    if (step === 'source' && value && typeof value === 'object') {
      const v = value as Obj;
      out.push(v.inline !== undefined ? 'inline' : v.local !== undefined ? 'local' : 'source');
    } else out.push(typeof step === 'number' ? step : snake(step));
    value = value && typeof value === 'object' ? (value as Obj)[step as string] : undefined;
  }
  return out;
}

/** Butane's sugar to Ignition: inline contents become data URLs; local files need a directory. */
function translate(config: Obj, entries: Entry[], untranslated: PathStep[][]): Obj {
  const walk = (v: unknown, path: PathStep[], go: string, schema: z.ZodType): unknown => {
    if (schema instanceof z.ZodArray) return Array.isArray(v) ? v.map((x, i) => walk(x, [...path, i], fieldMeta(schema.element as z.ZodType)?.go ?? '', schema.element as z.ZodType)) : v;
    if (!(schema instanceof z.ZodObject) || !v || typeof v !== 'object') return v;
    const o = v as Obj;
    const shape = schema.shape as Record<string, z.ZodType>;
    const out: Obj = {};
    for (const [k, child] of Object.entries(shape)) if (o[k] !== undefined) out[k] = walk(o[k], [...path, snake(k)], fieldMeta(child)?.go ?? '', child);
    if (go === 'types.Resource') {
      if (typeof o.inline === 'string') {
        out.source = dataUrlOf(o.inline);
        out.compression = '';
      }
      if (o.local !== undefined) entries.push({ kind: 'error', message: 'local file paths are relative to a files directory that must be specified with -d/--files-dir', rule: 'butane-local', path: [...path, 'local'] });
    }
    if ((go === 'types.Unit' || go === 'types.Dropin') && o.contents_local !== undefined) {
      entries.push({ kind: 'error', message: 'local file paths are relative to a files directory that must be specified with -d/--files-dir', rule: 'butane-local', path: [...path, 'contents_local'] });
    }
    if (go === 'types.Filesystem' && o.with_mount_unit === true) untranslated.push([...path, 'with_mount_unit']);
    if (go === 'types.Storage' && Array.isArray(o.trees) && o.trees.length) {
      entries.push({ kind: 'error', message: 'local file paths are relative to a files directory that must be specified with -d/--files-dir', rule: 'butane-local', path: [...path, 'trees'] });
    }
    return out;
  };
  return walk(config, [], 'types.Config', schemaForButane) as Obj;
}

let schemaForButane: z.ZodObject;

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
    out.push({ kind: 'warning', message: 'unreasonable mode would be reasonable if specified in octal; remember to add a leading zero', rule: 'butane-mode', path: [...path, 'mode'] });
  }
  if ((go === 'types.Unit' || go === 'types.Dropin') && config.contents_local !== undefined && config.contents !== undefined) {
    out.push({ kind: 'error', message: 'only one of the following can be set: contents, contents_local', rule: 'butane-sources', path: [...path, 'contents_local'] });
  }
  if (go === 'types.Filesystem' && config.with_mount_unit === true) {
    if (config.format === undefined || config.format === '') out.push({ kind: 'error', message: 'format is required if with_mount_unit is true', rule: 'butane-mount-unit', path: [...path, 'format'] });
    else if (config.format !== 'swap' && (config.path === undefined || config.path === '')) out.push({ kind: 'error', message: 'path is required if with_mount_unit is true and format is not swap', rule: 'butane-mount-unit', path: [...path, 'path'] });
  }
  if (go === 'types.Storage' && Array.isArray(config.trees)) {
    config.trees.forEach((t, i) => (t as Obj).local === undefined && out.push({ kind: 'error', message: 'local is required', rule: 'butane-sources', path: [...path, 'trees', i] }));
  }
  for (const [k, child] of Object.entries(schema.shape as Record<string, z.ZodType>)) butaneChecks(config[k] as Obj, child, [...path, snake(k)], out);
}

export interface ButaneResult {
  findings: Finding[];
  /** The Ignition config it translates to, when Butane would write one. */
  ignition?: Obj;
}

export function validateButane(input: FormatInput): Finding[] {
  return translateButane(input).findings;
}

export function translateButane(input: FormatInput): ButaneResult {
  const { text, lines, rules } = input;
  const all = rules === 'all';
  const place = (kind: Severity, message: string, rule: RuleId, range?: [number, number], path?: string): Finding => {
    const at = path === undefined ? {} : { path };
    if (!range) return { line: 0, column: 0, endLine: 0, endColumn: 0, kind, message, rule, ...at };
    return { ...lines.span(range[0], range[1]), kind, message, rule, ...at };
  };
  const syntax = firstLibyamlError(text);
  if (syntax) {
    const at = libyamlOffset(syntax);
    if (all) return { findings: [place('error', `YAML syntax: ${syntax.problem}`, 'yaml-syntax', [at, at + 1])] };
    // yaml.v3 prints the context mark's 0-based line (else the problem mark's), one more for
    // scanner errors, and no line when both are 0.
    const scanner = syntax.kind === 'scanner' ? 1 : 0;
    const line = syntax.contextMark?.line ? syntax.contextMark.line + scanner : syntax.problemMark?.line ? syntax.problemMark.line + scanner : 0;
    if (line === 0) return { findings: [place('error', syntax.problem, 'yaml-syntax')] };
    const [from, to] = lines.lineRange(Math.min(line, lines.lineCount));
    return { findings: [place('error', syntax.problem, 'yaml-syntax', [from, to])] };
  }
  let tree: Tree;
  try {
    tree = buildTreeFromLibyaml(text, 100_000 + text.length);
  } catch (e) {
    if (!(e instanceof TreeError)) throw e;
    return { findings: [place('error', e.message, 'yaml-syntax', [e.range[0], e.range[1]])] };
  }
  const root = tree.root;
  const pathOf = nodePaths(root);
  const top = (k: string) => (root.kind === 'map' ? root.children.find((c) => c.rawName === k) : undefined);
  const variant = top('variant');
  const version = top('version');
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
  schemaForButane = ignSchema;
  const entries: Entry[] = [];
  if (tree.duplicates.length) {
    // yaml.v3 refuses a mapping with a key given twice.
    return {
      findings: tree.duplicates.map((d) =>
        place('error', `mapping key ${JSON.stringify(d.name)} already defined at line ${lines.lineOf(d.first[0])}`, 'butane-type', [d.second[0], d.second[1]], documentPath(d.path)),
      ),
    };
  }
  const sugar = minor >= 4 ? SUGAR : { ...SUGAR, 'types.Unit': [], 'types.Dropin': [] };
  const ctx: DecodeContext = { unused: entries, errors: [], sugar };
  const config = (decode(root, ignSchema, ctx, []) ?? {}) as Obj;
  if (ctx.errors.length) {
    return { findings: ctx.errors.map((e) => place('error', e.message, 'butane-type', [e.node.valueRange[0], Math.max(e.node.valueRange[1], e.node.valueRange[0] + 1)], pathOf(e.node))) };
  }
  const butane: Entry[] = [];
  butaneChecks(config, ignSchema, [], butane);
  entries.push(...butane);
  const fatal = () => entries.some((e) => e.kind === 'error');
  // Sugar this translation does not write yet: the Ignition output would be incomplete.
  const untranslated: PathStep[][] = [];
  let ignition: Obj | undefined;
  if (!fatal()) {
    ignition = translate(config, entries, untranslated);
    // Flatcar's specs leave clevis out: butane's field filter refuses it.
    arr(obj(ignition.storage).luks).forEach((l, i) => {
      if (emptyValue(obj(l).clevis)) return;
      entries.push({ kind: 'error', message: 'clevis is not supported in this spec version', rule: 'butane-unsupported', path: ['storage', 'luks', i, 'clevis'] });
    });
    (ignition.ignition as Obj | undefined) ?? (ignition.ignition = {});
    (ignition.ignition as Obj).version = `3.${minor}.0`;
    if (!fatal()) {
      for (const e of referenceChecks(ignition, ignSchema, minor, { type: 'object', start: 0, end: 0, members: [] })) {
        entries.push({ ...e, path: butanePath(e.path, config) });
      }
    }
  }
  for (const path of untranslated) {
    if (all) entries.push({ kind: 'info', message: 'with_mount_unit: the mount unit butane adds is not generated here, so no Ignition output is written; run butane for the translation', rule: 'butane-untranslated', path });
  }
  const findings = entries.map((e) => {
    const { node, key } = yamlAt(root, e.path);
    const last = e.path[e.path.length - 1];
    let message = e.message;
    if (all && e.rule === 'ignition-unknown-key' && typeof last === 'object') message = unknownKey(last.key, e.path, ignSchema);
    return place(e.kind, message, e.rule, markerOf(node, key), documentPath(e.path));
  });
  return { findings, ignition: fatal() || !ignition || untranslated.length ? undefined : ignitionJson(ignition, ignSchema) };
}

function unknownKey(key: string, path: PathStep[], schema: z.ZodObject): string {
  let s: z.ZodType | undefined = schema;
  for (const step of path.slice(0, -1)) {
    if (s instanceof z.ZodArray) s = s.element as z.ZodType;
    if (typeof step !== 'string') continue;
    const shape: Record<string, z.ZodType> = s instanceof z.ZodObject ? (s.shape as Record<string, z.ZodType>) : {};
    s = Object.entries(shape).find(([k]) => snake(k) === step)?.[1];
  }
  if (s instanceof z.ZodArray) s = s.element as z.ZodType;
  const keys = s instanceof z.ZodObject ? [...Object.keys(s.shape).map(snake), ...(SUGAR[fieldMeta(s)?.go ?? ''] ?? [])] : [];
  const hint = key.length <= 64 ? closest(key, keys) : undefined;
  return `unknown key ${quoted(key)}: Butane ignores it` + (hint ? `; did you mean "${hint}"?` : '');
}
