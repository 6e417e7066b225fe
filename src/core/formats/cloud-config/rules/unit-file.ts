/**
 * systemd's unit file syntax (systemd.syntax(7)): `[Section]` headers, `Key=Value` lines,
 * comments starting with # or ;, and lines continued with a trailing backslash.
 */
import type { TreeNode } from '../../../yaml/tree';

export type UnitLineProblem = 'outside-section' | 'no-equals' | 'bad-header' | 'empty-key';

export interface UnitLine {
  /** 0-based index of the line in the content. */
  index: number;
  kind: 'blank' | 'comment' | 'section' | 'entry' | 'continuation' | 'invalid';
  /** Section name for headers; the enclosing section for other lines. */
  section?: string;
  key?: string;
  problem?: UnitLineProblem;
  /** Offset of the line's first non-blank character, and its trimmed length. */
  start: number;
  length: number;
}

type Classified = Pick<UnitLine, 'kind' | 'section' | 'key' | 'problem'>;

function classify(trimmed: string, section: string | undefined, continued: boolean): Classified {
  const comment = trimmed[0] === '#' || trimmed[0] === ';';
  // Comment lines inside a continued value are dropped and the value goes on.
  if (continued) return { kind: comment ? 'comment' : 'continuation', section };
  if (trimmed === '') return { kind: 'blank', section };
  // The old `.include FILE` directive pulls in another unit file; it is not a setting.
  if (comment || trimmed.startsWith('.include ')) return { kind: 'comment', section };
  if (trimmed[0] === '[') {
    const m = /^\[([^\]]+)\]$/.exec(trimmed);
    return m ? { kind: 'section', section: m[1] } : { kind: 'invalid', section, problem: 'bad-header' };
  }
  const eq = trimmed.indexOf('=');
  if (eq < 0) return { kind: 'invalid', section, problem: 'no-equals' };
  const key = trimmed.slice(0, eq).trim();
  if (key === '') return { kind: 'invalid', section, problem: 'empty-key' };
  if (section === undefined) return { kind: 'invalid', key, problem: 'outside-section' };
  return { kind: 'entry', section, key };
}

export function parseUnitFile(content: string): UnitLine[] {
  const out: UnitLine[] = [];
  let section: string | undefined;
  let continued = false;
  content.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    const trimmed = line.trim();
    const c = classify(trimmed, section, continued);
    if (c.kind === 'section') section = c.section;
    if (c.kind !== 'comment') continued = c.kind !== 'blank' && c.kind !== 'section' && trimmed.endsWith('\\');
    // Built field by field: spreading objects here costs more than the parse itself.
    out.push({ index, start: line.length - line.trimStart().length, length: trimmed.length, kind: c.kind, section: c.section, key: c.key, problem: c.problem });
  });
  return out;
}

const parsed = new WeakMap<TreeNode, UnitLine[]>();

/** The parsed lines of a content value; several rules read the same unit, so it is parsed once. */
export function unitLinesOf(content: TreeNode): UnitLine[] {
  let lines = parsed.get(content);
  if (!lines) parsed.set(content, (lines = parseUnitFile(content.text)));
  return lines;
}

/** Names of the sections a parsed unit file has. */
export const sectionsOf = (lines: UnitLine[]): Set<string> =>
  new Set(lines.filter((l) => l.kind === 'section').map((l) => l.section!));
