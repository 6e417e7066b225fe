import { sortFindings } from '../../report/order';
import type { Finding, Fix, Position } from '../../types';
import type { CheckedText } from '../format';
import { userDataOfSize, utf8Length } from './rules/size';
import { lineCode, opensBlockScalar } from '../../yaml/prescan';
import { editedSlice, type TextEdit } from '../../text/common-ends';
import { isParseFailure } from './parse-failures';

/**
 * A quick report for an edit of a large cloud-config, for the editor to show right after the
 * keystroke while the whole text is validated. The text is cut into its top-level
 * blocks (`key:` at column 0 and the lines under it); the blocks the edit touched, with every
 * other small block (so that rules reading across keys see them), are validated again as a
 * document of their own; the findings of the large blocks the edit left alone are carried over
 * from the report before, moved by the edit. The whole text's report replaces this one when it
 * comes: until then a finding that a rule draws between an edited block and a large unchanged
 * one can be missing or stale.
 *
 * The edited text is never made whole: it is read in parts, from the text before and the edit.
 * Making a megabyte one string costs milliseconds, more than the rest of the recheck.
 *
 * Undefined wherever the cut could change what the parser sees: anchors, aliases, tags or merge
 * keys in what is validated again or in what the edit removed, a top-level line that is not a
 * plain `key:`, a key given twice or in two spellings (before the edit or after it), a lone CR
 * (a line end for the report, not for the cut) or an edit that could make one, an edit
 * before the first key (the header among it, so the text stays a cloud-config), more than
 * RECHECK_MAX_CHARS to validate again, or a report before that is not a full one (a syntax
 * error; the caller checks that it was not cut at the list's limit).
 */

/** Blocks up to this size are validated again with the edited ones. */
const SMALL_BLOCK_CHARS = 4 * 1024;
/** The most that is validated again; past it the whole text's report is waited for. */
export const RECHECK_MAX_CHARS = 16 * 1024;

/** A plain top-level key at the start of a line. */
const KEY_LINE = /[A-Za-z_][A-Za-z0-9_-]*:(?=[ \t\r\n]|$)/y;
/** Anchors, aliases and tags (a conservative reading: `&&` in a quoted string counts), and merge keys. */
const NODE_PROPERTIES = /(?:^|[\s[{,:-])[&*!]\S|<</;

/** Whether the lines of `text` outside block scalars (a unit's or a script's lines) hold node properties. */
function hasNodeProperties(text: string): boolean {
  let bodyIndent = -1;
  for (const line of text.split('\n')) {
    const code = line.trim();
    const indent = line.length - line.trimStart().length;
    if (bodyIndent >= 0) {
      if (code === '' || indent > bodyIndent) continue;
      bodyIndent = -1;
    }
    if (NODE_PROPERTIES.test(code)) return true;
    if (opensBlockScalar(lineCode(line))) bodyIndent = indent;
  }
  return false;
}

export interface Block {
  key: string;
  start: number;
  end: number;
  /** 1-based line of its first line. */
  line: number;
}

/**
 * The top-level blocks of `text`, or undefined when a column-0 line is not a plain key. `text`
 * may be a part of a longer one that starts at offset `base`, on line `firstLine`, after a block
 * (`afterBlock`) or not: its blocks are then given in the longer text's offsets and lines.
 */
function scanBlocks(text: string, base = 0, firstLine = 1, afterBlock = false): Block[] | undefined {
  const blocks: Block[] = [];
  let line = firstLine;
  for (let at = 0; at < text.length; line++) {
    const c = text.charCodeAt(at);
    // Indented lines, comments and blank lines belong to the block above.
    if (line > 1 && c !== 0x20 && c !== 0x09 && c !== 0x23 && c !== 0x0d && c !== 0x0a && !(!afterBlock && blocks.length === 0 && startsDocument(text, at))) {
      KEY_LINE.lastIndex = at;
      const key = KEY_LINE.exec(text);
      if (!key) return undefined;
      if (blocks.length) blocks[blocks.length - 1].end = base + at;
      blocks.push({ key: key[0], start: base + at, end: base + text.length, line });
    }
    const next = text.indexOf('\n', at);
    if (next < 0) break;
    at = next + 1;
  }
  return blocks;
}

/**
 * The last text read whole here: its blocks and its size in bytes. The edits estimated between
 * two whole runs all start from the text of the first, which is read once for them all.
 */
let lastRead: { text: string; blocks: Block[] | undefined; bytes: number } | undefined;
function readWhole(text: string): { blocks: Block[] | undefined; bytes: number } {
  if (lastRead?.text !== text) {
    const blocks = scanBlocks(text);
    // With a key given twice, the report's findings in one block can depend on the other. A lone
    // CR ends a line for the report (LineIndex), not for the cut, which counts line feeds.
    const cuttable = blocks && !hasTwins(blocks) && !LONE_CR.test(text);
    lastRead = { text, blocks: cuttable ? blocks : undefined, bytes: utf8Length(text) };
  }
  return lastRead;
}

const LONE_CR = /\r(?!\n)/;

/**
 * Whether the text after `edit` has a lone CR where the text before had none (see readWhole):
 * one the edit inserted, or one it parted from its line feed.
 */
function leavesLoneCR(old: string, edit: TextEdit): boolean {
  const from = Math.max(0, edit.from - 1);
  const end = edit.from + edit.insert.length + 1;
  const around = editedSlice(old, edit, from, end);
  // A CR in the last place is followed by text the edit left alone, unless the text ends there.
  const last = end > old.length + edit.insert.length - (edit.to - edit.from) ? around.length : around.length - 1;
  for (let i = around.indexOf('\r'); i >= 0 && i < last; i = around.indexOf('\r', i + 1)) {
    if (around.charCodeAt(i + 1) !== 0x0a) return true;
  }
  return false;
}

/** A key given twice, or two keys read as one (`write-files`, `write_files`): rules relate them. */
const hasTwins = (blocks: readonly Block[]) => new Set(blocks.map((b) => b.key.replace(/-/g, '_'))).size !== blocks.length;

/**
 * The top-level blocks of the text that `edit` makes of `text`, whose blocks are `was`; undefined
 * for an edit of the header line. Only the blocks around the edit are scanned again: from the
 * start of the one the edit begins in (or the line after the header, before the first) to the end
 * of the one holding the edit's end (a key line the edit joins to the line above is gone). The
 * others keep their keys, and those after the edit move with it; every block's end is then
 * where the next one starts.
 */
export function blocksAfterEdit(text: string, was: readonly Block[], edit: TextEdit): Block[] | undefined {
  const headerEnd = text.indexOf('\n') + 1;
  if (!was.length || headerEnd === 0 || edit.from < headerEnd) return undefined;
  // -1: the scan starts on the line after the header.
  let first = -1;
  while (first + 1 < was.length && was[first + 1].start <= edit.from) first++;
  let last = Math.max(first, 0);
  while (last + 1 < was.length && was[last + 1].start <= edit.to) last++;
  const growth = edit.insert.length - (edit.to - edit.from);
  const start = first < 0 ? headerEnd : was[first].start;
  const scanned = scanBlocks(editedSlice(text, edit, start, was[last].end + growth), start, first < 0 ? 2 : was[first].line, first > 0);
  if (!scanned) return undefined;
  const lines = countLines(edit.insert) - countLines(text.slice(edit.from, edit.to));
  const blocks = [
    ...was.slice(0, Math.max(first, 0)).map((b) => ({ ...b })),
    ...scanned,
    ...was.slice(last + 1).map((b) => ({ ...b, start: b.start + growth, line: b.line + lines })),
  ];
  blocks.forEach((b, i) => (b.end = i + 1 < blocks.length ? blocks[i + 1].start : text.length + growth));
  return blocks;
}

/** The top-level blocks of `text` after the header, as the recheck cuts it. */
export const topLevelBlocks = (text: string): Block[] | undefined => scanBlocks(text);

/** A `---` line before the first key: the document's explicit start. */
const DOCUMENT_START = /---[ \t]*(?:\r?\n|$)/y;
function startsDocument(text: string, at: number): boolean {
  DOCUMENT_START.lastIndex = at;
  return DOCUMENT_START.test(text);
}

const countLines = (s: string): number => {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
};

/** An included block's place in the rechecked document, and how far it is from its place in the text. */
interface Piece {
  from: number;
  to: number;
  shift: number;
  /** Lines [firstLine, endLine) of the document, and how far they are from the text's. */
  firstLine: number;
  endLine: number;
  lineShift: number;
  edited: boolean;
}

export function recheckEdit(before: CheckedText, edit: TextEdit, check: (document: string) => readonly Finding[] | undefined): Finding[] | undefined {
  const old = before.text;
  const { from, to, insert } = edit;
  const removed = old.slice(from, to);
  if (insert === removed || before.entries.some((f) => f.line === 0 || isParseFailure(f.rule))) return undefined;
  if (hasNodeProperties(removed)) return undefined;
  if (leavesLoneCR(old, edit)) return undefined;
  // The text after the edit, read in parts.
  const slice = (a: number, b: number) => editedSlice(old, edit, a, b);
  const editEnd = from + insert.length;

  const whole = readWhole(old);
  // Undefined as well for an edit of the header line, or a text that is nothing but one.
  const blocks = whole.blocks && blocksAfterEdit(old, whole.blocks, edit);
  if (!blocks?.length || from < blocks[0].start) return undefined;
  // Twins in the text after the edit, as in the text before it (see readWhole).
  if (hasTwins(blocks)) return undefined;

  // A block wholly before or after the edit, line ends around it included, was the same block
  // before it.
  const untouched = (b: Block) => b.end < from || b.start > editEnd;
  const isIncluded = (b: Block) => !untouched(b) || b.end - b.start <= SMALL_BLOCK_CHARS;
  const included = blocks.filter(isIncluded);
  const headerEnd = old.indexOf('\n') + 1;
  if (included.reduce((n, b) => n + b.end - b.start, headerEnd) > RECHECK_MAX_CHARS) return undefined;

  // The document validated again: the header and what precedes the first key, then the included
  // blocks in their order, each with how far its offsets and lines are from the text's.
  let document = slice(0, blocks[0].start);
  let line = countLines(document) + 1;
  const pieces: Piece[] = [];
  for (const b of included) {
    const body = slice(b.start, b.end);
    if (hasNodeProperties(body)) return undefined;
    // The last block may end without a line break, on a line of its own all the same.
    const lines = countLines(body) + (body.endsWith('\n') ? 0 : 1);
    pieces.push({ from: document.length, to: document.length + body.length, shift: b.start - document.length, firstLine: line, endLine: line + lines, lineShift: b.line - line, edited: !untouched(b) });
    document += body;
    line += lines;
  }
  const rechecked = check(document);
  if (!rechecked) return undefined;

  const placed: Finding[] = [];
  if (rechecked.some((f) => isParseFailure(f.rule))) {
    // The parser reads the text and the document alike up to the end of an edited block, so a
    // failure inside one is the text's; one after it may come of the blocks left out.
    const failure = rechecked.length === 1 ? rechecked[0] : undefined;
    const piece = failure && failure.from !== undefined && pieces.find((p) => p.edited && p.from <= failure.from! && failure.from! < p.to);
    const moved = piece && moveFinding(failure, pieces);
    return moved && moved !== 'header' ? [moved] : undefined;
  }
  for (const f of rechecked) {
    const moved = moveFinding(f, pieces);
    // Findings on the header line are about the whole text: those of the report before stay.
    if (moved === 'header') continue;
    if (!moved) return undefined;
    placed.push(moved);
  }

  // The large blocks the edit left alone keep their findings, moved with the text after the edit.
  const addedLines = countLines(insert) - countLines(removed);
  const growth = insert.length - removed.length;
  const tooLarge = userDataOfSize(whole.bytes + utf8Length(insert) - utf8Length(removed));
  // A text that grows over the limit gets the finding from the whole text's report.
  if (tooLarge && !before.entries.some((f) => f.rule === 'user-data-size')) return undefined;
  const kept = blocks.filter((b) => !isIncluded(b));
  for (const f of before.entries) {
    if (f.from === undefined || f.to === undefined) return undefined;
    if (f.line === 1) {
      // About the whole text; its size is measured again.
      if (f.rule !== 'user-data-size') placed.push(f);
      else if (tooLarge) placed.push({ ...f, message: tooLarge });
      continue;
    }
    // Where the finding was, in the text now (an unchanged place before or after the edit).
    const after = f.from >= to;
    if (!after && f.to > from) continue;
    const shift = after ? growth : 0;
    if (!kept.some((b) => b.start <= f.from! + shift && f.to! + shift <= b.end)) continue;
    const moved = after ? shifted(f, shift, addedLines) : { ...f };
    if (f.related) {
      // The place it cites: unchanged before the edit, moved after it, gone if the edit touched it.
      if (f.related.from >= to) moved.related = shifted(f.related, growth, addedLines);
      else if (f.related.to > from) return undefined;
      recite(moved, f.related.line);
    }
    placed.push(moved);
  }
  return sortFindings(placed);
}

function shifted<T extends Position & { from?: number; to?: number; fixes?: Fix[] }>(f: T, shift: number, lines: number): T {
  const out: T = { ...f, from: f.from! + shift, to: f.to! + shift, line: f.line + lines, endLine: f.endLine + lines };
  if (f.fixes) out.fixes = f.fixes.map((x) => ({ ...x, from: x.from + shift, to: x.to + shift }));
  return out;
}

/** A moved finding's message cites its related place by the line number that place had before (`was`). */
function recite(f: Finding, was: number): void {
  if (f.related && f.related.line !== was) f.message = f.message.replace(new RegExp(`\\bline ${was}\\b`), `line ${f.related.line}`);
}

/** The first included block holding all of [from, to) in the document (a block ends where the next one starts). */
const pieceHolding = (pieces: Piece[], from: number, to: number): Piece | undefined => pieces.find((p) => p.from <= from && to <= p.to);

/** A finding of the rechecked document, placed in the text; 'header' for one on the header line. */
function moveFinding(f: Finding, pieces: Piece[]): Finding | 'header' | undefined {
  if (f.from === undefined || f.to === undefined || f.line === 0) return undefined;
  if (f.line === 1) return 'header';
  const piece = pieceHolding(pieces, f.from, f.to);
  if (!piece) return undefined;
  // Each fix moves with the block it lies in.
  const fixes: Fix[] = [];
  for (const x of f.fixes ?? []) {
    const p = pieceHolding(pieces, x.from, x.to);
    if (!p) return undefined;
    fixes.push({ ...x, from: x.from + p.shift, to: x.to + p.shift });
  }
  const out = shifted(f, piece.shift, piece.lineShift);
  if (f.fixes) out.fixes = fixes;
  if (f.related) {
    // The place the message cites, from the document to the text, and its line in the message.
    const p = pieceHolding(pieces, f.related.from, f.related.to);
    if (!p) return undefined;
    out.related = shifted(f.related, p.shift, p.lineShift);
    recite(out, f.related.line);
  }
  return out;
}
