import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';

/**
 * Editor colours come from CSS custom properties (styles.css), so one theme serves light and
 * dark: the page switches them with prefers-color-scheme, the editor needs no reconfiguring.
 */
const highlightStyle = HighlightStyle.define([
  { tag: [t.propertyName, t.definition(t.propertyName)], color: 'var(--syntax-key)' },
  { tag: [t.string, t.special(t.string)], color: 'var(--syntax-string)' },
  { tag: t.content, color: 'var(--syntax-value)' },
  { tag: [t.comment, t.lineComment], color: 'var(--syntax-comment)', fontStyle: 'italic' },
  { tag: [t.meta, t.keyword, t.attributeValue, t.labelName, t.typeName], color: 'var(--syntax-meta)' },
  { tag: t.separator, color: 'var(--syntax-punctuation)' },
]);

const editorTheme = EditorView.theme({
  '&': { color: 'var(--text)', backgroundColor: 'var(--editor-bg)', height: '100%' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.5' },
  '.cm-content': { caretColor: 'var(--text)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection':
    { backgroundColor: 'var(--selection)' },
  '.cm-gutters': { backgroundColor: 'var(--gutter-bg)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { backgroundColor: 'var(--active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--active-line)', color: 'var(--text)' },
  '.cm-matchingBracket': { outline: '1px solid var(--accent)', backgroundColor: 'transparent' },
  '.cm-searchMatch': { backgroundColor: 'var(--search-match)' },
  '.cm-tooltip': { backgroundColor: 'var(--panel-bg)', color: 'var(--text)', border: '1px solid var(--border)' },
  '.cm-panels': { backgroundColor: 'var(--panel-bg)', color: 'var(--text)' },
  '.cm-panels input, .cm-panels button': { font: 'inherit' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: 'var(--accent)', color: 'var(--accent-text)' },
});

export const theme = [editorTheme, syntaxHighlighting(highlightStyle)];
