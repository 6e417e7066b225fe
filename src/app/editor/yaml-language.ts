import { foldService, indentService, StreamLanguage } from '@codemirror/language';
import { yaml as yamlTokens } from '@codemirror/legacy-modes/mode/yaml';
import { tags } from '@lezer/highlight';

/**
 * YAML colours from a line tokenizer rather than a full grammar. After a keystroke it re-reads
 * the lines from the edit on, cheaply; the grammar's incremental parse took about 5 ms a
 * keystroke at 5 KB, inside the keystroke's own task (measured with a CPU profile of edits
 * dispatched to the editor). Nothing in the app reads a YAML syntax tree (paths come from the
 * text itself), so only colours, folding and indentation depend on this.
 */
const yamlLanguage = StreamLanguage.define({ ...yamlTokens, tokenTable: { atom: tags.propertyName } });

/** Leading blanks of a line, or -1 for a blank line (it belongs to no block by itself). */
function indentOf(text: string): number {
  let i = 0;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i === text.length ? -1 : i;
}

/**
 * A line folds over the lines after it that are indented deeper (blank lines among them), and a
 * key also over a list written at its own indentation (`key:` then `- item`), as YAML nests.
 */
export const foldIndentedBlock = foldService.of((state, lineStart, lineEnd) => {
  const line = state.doc.lineAt(lineStart);
  const own = indentOf(line.text);
  if (own < 0 || line.number === state.doc.lines) return null;
  const opensBlock = /:\s*(#.*)?$/.test(line.text);
  // Walks the following lines' text (one iterator, no line lookups: a top-level key can span
  // the whole document, and the fold gutter asks this for every visible line on every edit).
  let end = -1;
  let at = line.to;
  for (const iter = state.doc.iterLines(line.number + 1); !iter.next().done; ) {
    const text = iter.value;
    const nextEnd = at + 1 + text.length;
    at = nextEnd;
    const indent = indentOf(text);
    if (indent < 0) continue;
    const listUnderKey = indent === own && opensBlock && text.charCodeAt(indent) === 45 && (indent + 1 === text.length || text.charCodeAt(indent + 1) === 32);
    if (indent < own || (indent === own && !listUnderKey)) break;
    end = nextEnd;
  }
  return end > lineEnd ? { from: lineEnd, to: end } : null;
});

/**
 * A new line starts where the line before it has its content: after a list item's dash
 * (`- path: x` → under `path`), and one step deeper after a line that opens a block (`key:`,
 * `key: |`, `key: >-`).
 */
export const indentYaml = indentService.of((context, pos) => {
  for (let at = pos - 1; at >= 0; ) {
    const line = context.lineAt(at, -1);
    if (indentOf(line.text) >= 0) {
      const content = /^\s*(?:-(?:\s+|$))*/.exec(line.text)![0].length;
      const opens = /:\s*(?:[|>][-+0-9]*\s*)?(?:#.*)?$/.test(line.text);
      return content + (opens ? context.unit : 0);
    }
    at = line.from - 1;
  }
  return 0;
});

export const yamlSupport = () => [yamlLanguage, foldIndentedBlock, indentYaml];
