import type { RuleFinding } from '../../findings';
import type { RuleId } from '../../rule-table';
import { multipartFindings } from '../multipart/findings';
import type { Format, FormatInput } from '../format';
import { referenceLines } from './reference/line-scan';
import { referenceRules } from './reference/rules';
import { extraRules } from './rules';
import { dialectNote } from './rules/dialect';
import { refineForAll } from './rules/refine';
import { rootShape } from './schema/shape';
import { LineIndex } from '../../text/line-index';
import { MAX_INPUT_CHARS } from '../../limits';
import type { Finding, Fix, InputKind, RuleSetName, Target } from '../../types';
import { decodeStrongV3, hasUint64 } from './reference/v3-decode';
import { failureToError, libyamlOffset, referenceLine, yamlV3Line, type LibyamlError } from '../../yaml/libyaml-errors';
import { LibyamlFailure } from '../../yaml/libyaml/scanner';
import { excessiveNesting, forbiddenCharacter, MAX_DEPTH } from '../../yaml/prescan';
import { buildTreeFromLibyaml } from '../../yaml/libyaml/tree';
import type { YamlFlavour } from '../../yaml/flavour';
import { TreeError, type Range, type Tree, type TreeNode } from '../../yaml/tree';
import { nodePaths } from '../../yaml/node-paths';
import { quoted } from '../../text/quote';
import { recheckEdit } from './edit-recheck';
import type { ParseFailureRule } from './parse-failures';

/**
 * cloud-config, the `#cloud-config` YAML coreos-cloudinit applies at boot: prescan, one libyaml
 * parse in the target's flavour, the value tree, then the reference's rules (reference set) or
 * those enriched and joined by the all set's, each finding placed the way its rule set places.
 * User-data that is not cloud-config (no header, multipart MIME) is judged here too: the header
 * is coreos-cloudinit's first check.
 */
const HEADER_MESSAGE: Record<Target, string> = {
  coreos: 'must be "#cloud-config" or begin with "#!"',
  flatcar: 'must be "#cloud-config", multipart mime or begin with "#!"',
};
/** What Flatcar's validator returns, instead of a report, when yaml.v3 reports unmarshal errors it cannot place. */
const UNPARSED_YAML_ERROR = "couldn't parse yaml error";
/** The YAML library of each target's coreos-cloudinit. */
const TARGET_YAML: Record<Target, YamlFlavour> = { coreos: 'go-yaml-v1', flatcar: 'yaml-v3' };
/** What the reference adds after any YAML error: the empty document is not a struct. */
const NOT_A_STRUCT = 'incorrect type for "" (want struct)';

interface Placer {
  place(f: RuleFinding): Finding;
}

/** A node's document path, where the findings have a tree. */
type PathOf = (node: TreeNode) => string | undefined;

function rangeOf(f: RuleFinding): Range | undefined {
  if (f.range) return f.range;
  if (!f.node) return undefined;
  return f.target === 'key' ? (f.node.keyRange ?? f.node.valueRange) : f.node.valueRange;
}

/** Line and column of both ends of [from, to). */
function placed(lines: LineIndex, from: number, to: number) {
  const a = lines.position(from);
  const b = lines.position(to);
  return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column, from, to };
}

function finding(f: RuleFinding, pos: Omit<Finding, 'kind' | 'message' | 'rule'>, lines: LineIndex, pathOf?: PathOf): Finding {
  const out: Finding = { ...pos, kind: f.kind, message: f.message, rule: f.rule };
  const path = f.node && pathOf?.(f.node);
  if (path) out.path = path;
  if (f.fixes?.length) out.fixes = f.fixes;
  if (f.related) out.related = { ...placed(lines, ...f.related.range), message: f.related.message };
  return out;
}

/** Findings at their real tokens (the `all` rule set). */
function realPlacer(lines: LineIndex, pathOf?: PathOf): Placer {
  return {
    place(f) {
      let [from, to] = rangeOf(f) ?? lines.lineRange(Math.max(1, f.refLine ?? 1));
      if (to <= from) {
        // An empty value: point at the line it belongs to.
        [from, to] = lines.lineRange(lines.lineOf(from));
      }
      return finding(f, placed(lines, from, to), lines, pathOf);
    },
  };
}

/** Findings on the reference's own line numbers (the `reference` rule set). */
function referencePlacer(lines: LineIndex, refLines: Map<TreeNode, number> | undefined, pathOf?: PathOf): Placer {
  return {
    place(f) {
      const line = f.refLine ?? (f.node ? (refLines?.get(f.node) ?? 0) : 0);
      if (line === 0) return finding(f, { line: 0, column: 0, endLine: 0, endColumn: 0 }, lines, pathOf);
      // Use the real token when it sits on that line; otherwise the whole line.
      const real = rangeOf(f);
      let [from, to] = lines.lineRange(Math.min(line, lines.lineCount));
      if (real && real[1] > real[0] && lines.lineOf(real[0]) === line) [from, to] = [real[0], Math.min(real[1], to)];
      // On the reference's line, whatever line the end of the range is on.
      return finding(f, { ...placed(lines, from, to), line, endLine: line }, lines, pathOf);
    },
  };
}

/** A libyaml syntax error at its token; a refused tab gets its own explanation. */
function syntaxFinding(text: string, e: LibyamlError): RuleFinding & { rule: ParseFailureRule } {
  const at = libyamlOffset(e);
  if (text[at] === '\t') {
    return {
      kind: 'error',
      message: 'tab character here: coreos-cloudinit\'s YAML parser does not accept tabs as indentation; indent with spaces',
      rule: 'yaml-tab',
      range: [at, at + 1],
    };
  }
  const where = e.context ? ` (${e.context})` : '';
  return { kind: 'error', message: `${e.problem}${where}`, rule: 'yaml-syntax', range: [at, Math.min(at + 1, text.length)] };
}

/** How the `all` set words a document the reference's decoder refuses. */
const TREE_ERRORS: Record<TreeError['code'], (message: string) => { message: string; rule: ParseFailureRule }> = {
  'collection-key': () => ({
    message: 'a mapping or list cannot be a key here; a template placeholder like {{NAME}} must be rendered or quoted',
    rule: 'collection-key',
  }),
  'alias-budget': (message) => ({ message, rule: 'alias-bomb' }),
  'unknown-anchor': (message) => ({ message: `${message}: no node has this anchor (&name); define it or remove the alias`, rule: 'yaml-alias' }),
  'recursive-alias': (message) => ({ message: `${message}: an alias inside its own anchor would never end; remove it`, rule: 'yaml-alias' }),
  'bad-merge': (message) => ({ message: `${message}: "<<:" takes a mapping, an alias of one, or a list of them`, rule: 'yaml-alias' }),
  'bad-scalar': (message) => ({ message, rule: 'yaml-syntax' }),
  'refused-tag': (message) => ({
    message: `${message}: the value does not fit its explicit tag, and coreos-cloudinit refuses the whole file; remove the tag or fix the value`,
    rule: 'yaml-syntax',
  }),
};

/**
 * A document that cannot be read. The reference reports the error (at `refLine`) and then,
 * reading nothing, `incorrect type for ""`; the `all` set reports the error at offset `at`.
 */
export function parseFailure(lines: LineIndex, rules: RuleSetName, message: string, rule: RuleId, at: number, refLine = 1): Finding[] {
  if (rules === 'reference') {
    const p = referencePlacer(lines, undefined);
    // The reference reads the YAML library's error with a Go regexp whose `.` stops at a line
    // break: a message holding one (a multi-line scalar quoted in it) matches neither of its
    // patterns, and it gives up with its bare message.
    if (message.includes('\n')) return [p.place({ kind: 'error', message: UNPARSED_YAML_ERROR, rule, refLine: 1 })];
    return [
      p.place({ kind: 'error', message, rule, refLine }),
      p.place({ kind: 'warning', message: NOT_A_STRUCT, rule: 'wrong-type', refLine: 0 }),
    ];
  }
  return [realPlacer(lines).place({ kind: 'error', message, rule, range: [at, Math.min(at + 1, lines.text.length)] })];
}

/** Validation of a cloud-config body (header already accepted). */
function validateCloudConfig(text: string, rules: RuleSetName, target: Target, lines: LineIndex): Finding[] {
  const reference = rules === 'reference';
  const real = realPlacer(lines);
  const fatal = (message: string, rule: ParseFailureRule, at: number, refLine = 1) => parseFailure(lines, rules, message, rule, at, refLine);

  if (text.length > MAX_INPUT_CHARS) {
    return fatal(`input is ${(text.length / 1048576).toFixed(1)} MB; the limit is ${MAX_INPUT_CHARS / 1048576} MB`, 'input-too-large', 0);
  }
  // yaml.v3 reads no further than the first document and two tokens past it, so a control
  // character later on goes unseen; its reader raises one it meets (see flatcarReference).
  const bad = reference && target === 'flatcar' ? -1 : forbiddenCharacter(text);
  if (bad >= 0) {
    const cp = text.codePointAt(bad)!.toString(16).toUpperCase().padStart(4, '0');
    return fatal(
      reference ? 'control characters are not allowed' : `character U+${cp} is not allowed in YAML (binary data?)`,
      'yaml-syntax',
      bad,
    );
  }
  const deep = excessiveNesting(text);
  if (deep >= 0) {
    return fatal(`nesting deeper than ${MAX_DEPTH} levels; the document was not parsed`, 'too-deep', deep, lines.lineOf(deep));
  }

  if (reference && target === 'flatcar') return flatcarReference(text, lines);

  // One parser, libyaml's, in one pass: it decides what is a syntax error and what each value
  // is, as it does for coreos-cloudinit.
  let tree: Tree;
  try {
    // The all set reads tagged scalars as the target's library does (yaml.v3 takes an int as a !!float, go-yaml v1 does not).
    tree = buildTreeFromLibyaml(text, 100_000 + text.length, 'go-yaml-v1', reference ? 'go-yaml-v1' : TARGET_YAML[target]);
  } catch (e) {
    if (e instanceof LibyamlFailure) {
      const syntax = failureToError(e);
      if (reference) return fatal(syntax.problem, 'yaml-syntax', libyamlOffset(syntax), referenceLine(syntax));
      return [real.place(syntaxFinding(text, syntax))];
    }
    if (!(e instanceof TreeError)) throw e;
    // go-yaml's decoder stops here; the reference prints its message at line 1.
    if (reference) return fatal(e.message, e.code === 'alias-budget' ? 'alias-bomb' : 'yaml-syntax', e.range[0]);
    return [real.place({ kind: 'error', ...TREE_ERRORS[e.code](e.message), range: e.range })];
  }

  const root = tree.root;
  const pathOf = nodePaths(root);
  if (root.kind !== 'map') {
    if (reference || root.kind === 'null') return [];
    return [realPlacer(lines, pathOf).place({ kind: 'error', message: 'the top level must be a mapping of cloud-config keys', rule: 'wrong-type', node: root, target: 'value' })];
  }

  const found = referenceRules(root, rootShape, undefined, reference ? 'exact' : 'clipped');
  if (reference) {
    const p = referencePlacer(lines, referenceLines(text, root), pathOf);
    return found.map((f) => p.place(f));
  }
  const ctx = { text, lines, tree, target };
  const refined = refineForAll(found, ctx);
  for (const rule of extraRules) refined.push(...rule.check(ctx));
  const placer = realPlacer(lines, pathOf);
  return refined.map((f) => placer.place(f));
}

/**
 * Flatcar's validator (coreos-cloudinit at 8df59e8, yaml.v3): a syntax or decoder error is
 * reported like CoreOS's, at yaml.v3's line; unmarshal errors of the loose reading (duplicate
 * keys, a top level that is not a mapping) make it fail with a bare message; those of the struct
 * reading (wrong types) make it fail with one error per line; otherwise CoreOS's rules run on
 * the two readings.
 */
function flatcarReference(text: string, lines: LineIndex): Finding[] {
  const fatal = (message: string, rule: ParseFailureRule, at: number, refLine = 1) => parseFailure(lines, 'reference', message, rule, at, refLine);
  let tree: Tree;
  try {
    tree = buildTreeFromLibyaml(text, 100_000 + text.length, 'yaml-v3');
  } catch (e) {
    if (e instanceof LibyamlFailure) {
      const error = failureToError(e);
      return fatal(error.problem, 'yaml-syntax', libyamlOffset(error), yamlV3Line(error) || 1);
    }
    if (!(e instanceof TreeError)) throw e;
    return fatal(e.code === 'alias-budget' ? 'document contains excessive aliasing' : e.message, e.code === 'alias-budget' ? 'alias-bomb' : 'yaml-syntax', e.range[0]);
  }
  const p = referencePlacer(lines, undefined, nodePaths(tree.root));
  if (tree.typeErrors?.length) return [p.place({ kind: 'error', message: UNPARSED_YAML_ERROR, rule: 'yaml-syntax', refLine: 1 })];
  const root = tree.root;
  if (root.kind !== 'map') return [];
  if (hasUint64(root)) {
    return [p.place({ kind: 'error', message: "an integer beyond int64 makes Flatcar's validator crash (toNode(): unhandled kind uint64)", rule: 'wrong-type', refLine: 1 })];
  }
  const strong = decodeStrongV3(root, rootShape);
  if (strong.errors.length) {
    return strong.errors.map((e) => p.place({ kind: 'error', message: e.message, rule: 'wrong-type', node: e.node, target: 'value', refLine: e.line }));
  }
  const found = referenceRules(root, rootShape, strong.value);
  const placer = referencePlacer(lines, referenceLines(text, root), nodePaths(root));
  return found.map((f) => placer.place(f));
}

/** Why a first line that is meant to be the header is not one, when that can be told. */
function headerProblem(text: string, firstLine: string): string {
  if (text.startsWith('\ufeff')) return 'the file starts with a byte-order mark (BOM) before "#cloud-config"; save it as UTF-8 without BOM';
  if (/^#cloud-config\r(?!\n)/.test(text)) {
    return 'the line ends are lone carriage returns (CR), so the whole file reads as one line; use LF or CRLF line ends';
  }
  if (/^\s+#cloud-config\s*$/.test(firstLine)) return 'the first line has white space before "#cloud-config"';
  if (/^#\s*cloud[-_ ]?config/i.test(firstLine)) return `the first line must read exactly "#cloud-config", not ${quoted(firstLine.trim())}`;
  return 'the first line must be "#cloud-config" (or "#!" for a script)';
}

function headerFinding(text: string, rules: RuleSetName, target: Target, lines: LineIndex): Finding {
  const [from, to] = lines.lineRange(1);
  const pos = { line: 1, column: 1, endLine: 1, endColumn: to - from + 1, from, to };
  if (rules === 'reference') return { ...pos, kind: 'error', message: HEADER_MESSAGE[target], rule: 'header' };
  const firstLine = text.slice(from, to);
  let fix: Fix;
  if (/^#cloud-config\r(?!\n)/.test(text)) {
    fix = { title: 'Convert line ends to LF', from: 0, to: text.length, insert: text.replace(/\r(?!\n)/g, '\n') };
  } else if (/^\ufeff?\s*#/.test(firstLine) && !firstLine.startsWith('#!')) {
    fix = { title: 'Replace the first line with #cloud-config', from: 0, to, insert: '#cloud-config' };
  } else {
    fix = { title: 'Insert #cloud-config as the first line', from: 0, to: 0, insert: '#cloud-config\n' };
  }
  return { ...pos, kind: 'error', message: `${headerProblem(text, firstLine)}; coreos-cloudinit ignores this file`, rule: 'header', fixes: [fix] };
}

/** cloud-config, and the user-data of every other kind coreos-cloudinit accepts (scripts, multipart, …). */
export const cloudConfigFormat: Format = {
  validate: ({ kind, text, rules, target, lines }: FormatInput) =>
    kind === 'cloud-config' ? validateCloudConfig(text, rules, target, lines) : otherUserData(kind, text, rules, target, lines),
  recheckEdit,
};

/** User-data of the other kinds, as coreos-cloudinit's validator judges them by their first line. */
export function otherUserData(kind: InputKind, text: string, rules: RuleSetName, target: Target, lines: LineIndex): Finding[] {
  if (kind === 'multipart' && target === 'flatcar') {
    // Flatcar's validator passes multipart user-data untouched; the all set reads every part.
    return rules === 'reference' ? [] : multipartFindings(text, lines, (body) => validateCloudConfig(body, rules, target, new LineIndex(body)));
  }
  if (kind === 'unknown' || (kind === 'multipart' && rules === 'reference')) {
    const entries = [headerFinding(text, rules, target, lines)];
    const note = rules === 'all' ? dialectNote(text) : undefined;
    if (note) entries.push(realPlacer(lines).place(note));
    return entries;
  }
  return [];
}
