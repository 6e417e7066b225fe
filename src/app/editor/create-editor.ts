import { autocompletion, type CompletionContext } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, foldGutter, foldKeymap, indentOnInput } from '@codemirror/language';
import { lintGutter, lintKeymap, previousDiagnostic } from '@codemirror/lint';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { EditorState } from '@codemirror/state';
import {
  crosshairCursor,
  drawSelection,
  dropCursor,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  hoverTooltip,
  keymap,
  lineNumbers,
  rectangularSelection,
  type ViewUpdate,
} from '@codemirror/view';
import { theme } from './theme';

// Hover docs and completion need the schema and a YAML parser, which the first screen does not:
// they load on first use, keeping the initial download small.
const schemaHover = hoverTooltip(async (view, pos) => (await import('./schema-hover')).keyDocsTooltip(view, pos), {
  hoverTime: 350,
});
const schemaCompletion = async (context: CompletionContext) => (await import('./schema-completion')).schemaCompletion(context);

export function createEditor(parent: HTMLElement, doc: string, onUpdate: (update: ViewUpdate) => void): EditorView {
  const state = EditorState.create({
    doc,
    extensions: [
      lineNumbers(),
      highlightActiveLineGutter(),
      foldGutter(),
      lintGutter(),
      highlightSpecialChars(),
      history(),
      drawSelection(),
      dropCursor(),
      EditorState.allowMultipleSelections.of(true),
      indentOnInput(),
      bracketMatching(),
      rectangularSelection(),
      crosshairCursor(),
      highlightActiveLine(),
      highlightSelectionMatches(),
      search({ top: true }),
      yaml(),
      theme,
      autocompletion({ override: [schemaCompletion] }),
      schemaHover,
      keymap.of([
        ...defaultKeymap,
        ...searchKeymap,
        ...historyKeymap,
        ...foldKeymap,
        ...lintKeymap,
        { key: 'Shift-F8', run: previousDiagnostic },
        // Tab indents (YAML needs it); Escape then Tab leaves the editor, as CodeMirror documents.
        indentWithTab,
      ]),
      EditorView.contentAttributes.of({ 'aria-label': 'cloud-config text' }),
      EditorView.updateListener.of(onUpdate),
    ],
  });
  return new EditorView({ state, parent });
}
