import { readsTrue } from '../formats/cloud-config/rules/boot-decode';
import { LineIndex } from '../text/line-index';
import { childNamed, type Range, type TreeNode } from '../yaml/tree';
import type { ButaneModel, FileEntry } from './model';
import type { ConvertRule, Note } from './notes';
import type { Platform } from './substitutions';

/** The state of one conversion: the model being filled, the notes, and which source nodes were read. */
export class ConvertContext {
  readonly notes: Note[] = [];
  /** Source nodes whose whole subtree was carried over or noted. */
  readonly handled = new Set<TreeNode>();
  /** Offsets of substitution variables already carried over or noted. */
  readonly substituted = new Set<number>();
  /** The source entry each file path came from, so that a later entry can replace it. */
  readonly fileSources = new Map<string, TreeNode | undefined>();
  readonly lines: LineIndex;
  /** Notes written as comments on an output element (when that element is written). */
  readonly attachments = new Map<Note, object>();

  constructor(
    readonly text: string,
    readonly model: ButaneModel,
    readonly platform: Platform,
  ) {
    this.lines = new LineIndex(text);
  }

  /** Marks nodes as read. */
  take(...nodes: (TreeNode | undefined)[]): void {
    for (const n of nodes) if (n) this.handled.add(n);
  }

  note(rule: ConvertRule, kind: Note['kind'], message: string, at: TreeNode | Range, target: 'key' | 'value' = 'key'): Note {
    const range: Range = Array.isArray(at) ? (at as Range) : target === 'key' ? ((at as TreeNode).keyRange ?? (at as TreeNode).valueRange) : (at as TreeNode).valueRange;
    const n: Note = { rule, kind, message, range };
    this.notes.push(n);
    return n;
  }

  /** A note that is also a comment on the output element it concerns. */
  noteOn(element: { comments: string[] }, rule: ConvertRule, kind: Note['kind'], message: string, at: TreeNode | Range, target: 'key' | 'value' = 'key'): void {
    this.attachments.set(this.note(rule, kind, message, at, target), element);
    element.comments.push(message);
  }

  /** Adds a file; an earlier one at the same path is replaced, as coreos-cloudinit's later write replaced it. */
  addFile(entry: FileEntry, source: TreeNode | undefined): void {
    const files = this.model.files;
    const at = files.findIndex((f) => f.path === entry.path);
    if (at >= 0) {
      const prev = this.fileSources.get(entry.path);
      const by = source ? `line ${this.lines.lineOf((source.keyRange ?? source.valueRange)[0])}` : 'a setting applied after it';
      if (prev) this.note('convert-duplicate', 'warning', `${entry.path} is written again by ${by}, which wins; this entry is left out`, prev, 'value');
      files.splice(at, 1);
    }
    files.push(entry);
    this.fileSources.set(entry.path, source);
  }

  /**
   * The mapping entries of a list with the scalar that identifies each (`name`, `path`). An
   * entry without one is noted ("this WHAT has no KEY") and left out.
   */
  identifiedEntries(list: TreeNode | undefined, key: string, what: string): { item: TreeNode; id: string; idNode: TreeNode }[] {
    if (list?.kind !== 'seq') return [];
    const out: { item: TreeNode; id: string; idNode: TreeNode }[] = [];
    for (const item of list.children) {
      if (item.kind !== 'map') continue;
      const idNode = childNamed(item, key);
      const id = scalar(idNode);
      this.take(idNode);
      if (id && idNode) out.push({ item, id, idNode });
      else {
        this.take(...item.children);
        this.note('convert-not-carried', 'warning', `this ${what} has no ${key} and is left out`, item.children[0] ?? item, 'key');
      }
    }
    return out;
  }

  isTrue(n: TreeNode | undefined): boolean {
    return readsTrue({ target: 'flatcar' }, n);
  }
}

/** A scalar's text as coreos-cloudinit reads it into a string field; undefined for collections and null. */
export function scalar(n: TreeNode | undefined): string | undefined {
  if (!n || n.kind === 'map' || n.kind === 'seq' || n.kind === 'null') return undefined;
  return n.text;
}

/** The scalar items of a list (a non-list gives undefined). */
export function scalarList(n: TreeNode | undefined): string[] | undefined {
  if (!n || n.kind !== 'seq') return undefined;
  return n.children.flatMap((c) => {
    const s = scalar(c);
    return s === undefined ? [] : [s];
  });
}
