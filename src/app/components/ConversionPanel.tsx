import { useState, type KeyboardEvent } from 'react';
import type { Finding } from '../../core';
import { SEVERITY_LABEL } from '../editor/diagnostics';
import type { Conversion } from '../use-conversion';
import { GeneratedFile } from './GeneratedFile';

type Output = 'butane' | 'ignition';
const OUTPUT_LABEL: Record<Output, string> = { butane: 'Butane', ignition: 'Ignition' };

interface ConversionPanelProps {
  conversion: Conversion;
  butaneName: string;
  ignitionName: string;
  onConvertAgain(): void;
  onClose(): void;
  /** Selects a note's range in the cloud-config it was made from. */
  onSelect(finding: Finding, source: string): void;
  onHelp(rule: string): void;
  onCopy(text: string, what: string): void;
  onDownload(text: string, fileName: string): void;
}

/** The cloud-config converted: Butane and Ignition tabs, and the notes on what did not carry over. */
export function ConversionPanel({ conversion, butaneName, ignitionName, onConvertAgain, onClose, onSelect, onHelp, onCopy, onDownload }: ConversionPanelProps) {
  const [output, setOutput] = useState<Output>('butane');
  const result = conversion.state === 'done' ? conversion.result : undefined;
  const outputs: Output[] = ['butane', 'ignition'];
  const onTabKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const other: Output = output === 'butane' ? 'ignition' : 'butane';
    setOutput(other);
    document.getElementById(`conversion-tab-${other}`)?.focus();
  };

  return (
    <section className="output-pane" aria-labelledby="conversion-heading">
      <div className="output-head">
        <h2 id="conversion-heading" className="output-heading">
          Converted to Butane
        </h2>
        <button type="button" onClick={onConvertAgain}>
          Convert again
        </button>
        <button type="button" onClick={onClose} aria-label="Close the conversion">
          Close
        </button>
      </div>
      {conversion.state === 'running' && <p className="output-empty">Converting…</p>}
      {conversion.state === 'failed' && (
        <p className="output-empty output-failed" role="alert">
          The conversion could not run: {conversion.message}.
        </p>
      )}
      {result && result.errors.length > 0 && (
        <>
          <p className="output-empty">The cloud-config has errors, so nothing was converted. Fix them and convert again:</p>
          <NoteList notes={result.errors} source={conversion.state === 'done' ? conversion.source : ''} label="Errors in the cloud-config" onSelect={onSelect} onHelp={onHelp} />
        </>
      )}
      {result && result.errors.length === 0 && (
        <>
          <div className="output-tabs" role="tablist" aria-label="Converted output">
            {outputs.map((o) => (
              <button
                key={o}
                type="button"
                role="tab"
                id={`conversion-tab-${o}`}
                aria-controls={`conversion-${o}`}
                aria-selected={output === o}
                tabIndex={output === o ? 0 : -1}
                onClick={() => setOutput(o)}
                onKeyDown={onTabKey}
              >
                {OUTPUT_LABEL[o]}
              </button>
            ))}
          </div>
          <div id={`conversion-${output}`} role="tabpanel" aria-labelledby={`conversion-tab-${output}`} className="output-body">
            {output === 'butane' ? (
              <GeneratedFile what="Butane config" text={result.butane} fileName={butaneName} testId="conversion-butane" onCopy={onCopy} onDownload={onDownload} />
            ) : (
              <GeneratedFile what="Ignition config" text={result.ignition ?? ''} fileName={ignitionName} testId="conversion-ignition" onCopy={onCopy} onDownload={onDownload} />
            )}
          </div>
          <h3 className="output-subheading">
            Notes <span className="tab-count">{result.notes.length}</span>
          </h3>
          {result.notes.length ? (
            <NoteList notes={result.notes} source={conversion.state === 'done' ? conversion.source : ''} label="Conversion notes" onSelect={onSelect} onHelp={onHelp} />
          ) : (
            <p className="output-empty">Everything carried over as it was.</p>
          )}
        </>
      )}
    </section>
  );
}

interface NoteListProps {
  notes: readonly Finding[];
  source: string;
  label: string;
  onSelect(finding: Finding, source: string): void;
  onHelp(rule: string): void;
}

function NoteList({ notes, source, label, onSelect, onHelp }: NoteListProps) {
  return (
    <ol className="problems conversion-notes" data-testid="conversion-notes" aria-label={label}>
      {notes.map((f, i) => (
        <li key={i} className={`problem severity-${f.kind}`} data-line={f.line} data-kind={f.kind}>
          <button type="button" className="problem-main" onClick={() => onSelect(f, source)} title="Select it in the cloud-config">
            <span className="severity-icon" aria-hidden="true" />
            <span className="problem-line">{f.line > 0 ? `${f.line}:${f.column}` : 'Whole file'}</span>
            <span className="problem-severity">{SEVERITY_LABEL[f.kind]}: </span>
            <span className="problem-message">{f.message}</span>
          </button>
          <div className="problem-actions">
            <button type="button" className="rule-link" onClick={() => onHelp(f.rule)} aria-label={`Help for rule ${f.rule}`}>
              {f.rule}
            </button>
          </div>
        </li>
      ))}
    </ol>
  );
}
