import { useRef } from 'react';
import type { RuleSetName, Target } from '../../core';
import { RULE_SET_LABEL, TARGET_LABEL, type CheckOptions } from '../check-options';
import type { Example } from '../examples';
import { ExamplesMenu } from './ExamplesMenu';

interface ToolbarProps {
  options: CheckOptions;
  onOptionsChange(change: Partial<CheckOptions>): void;
  wrap: boolean;
  onWrapChange(wrap: boolean): void;
  onOpen(file: File): void;
  onDownload(): void;
  onCopy(): void;
  onShare(): void;
  examples: readonly Example[];
  onExample(example: Example): void;
  /** Whether the text is a cloud-config, the one kind that converts to Butane. */
  canConvert: boolean;
  onConvert(): void;
}

function Choice<T extends string>({ label, value, labels, onChange }: { label: string; value: T; labels: Record<T, string>; onChange(value: T): void }) {
  return (
    <label className="choice">
      <span className="choice-label">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as T)}>
        {(Object.keys(labels) as T[]).map((v) => (
          <option key={v} value={v}>
            {labels[v]}
          </option>
        ))}
      </select>
    </label>
  );
}

export function Toolbar({ options, onOptionsChange, wrap, onWrapChange, onOpen, onDownload, onCopy, onShare, examples, onExample, canConvert, onConvert }: ToolbarProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <div className="toolbar">
      <div className="toolbar-group" role="group" aria-label="File and sharing">
        <button type="button" onClick={() => fileInput.current?.click()}>
          Open<span className="wide-only"> file</span>…
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) onOpen(file);
            e.target.value = '';
          }}
        />
        <button type="button" onClick={onDownload}>
          Download
        </button>
        <button type="button" onClick={onCopy}>
          Copy
        </button>
        <button type="button" onClick={onShare} title="Copy a link that holds the whole config (nothing is uploaded)">
          Share
        </button>
      </div>
      <div className="toolbar-group" role="group" aria-label="Examples and conversion">
        <ExamplesMenu examples={examples} onChoose={onExample} />
        <button
          type="button"
          onClick={onConvert}
          disabled={!canConvert}
          aria-label="Convert to Butane"
          title={canConvert ? 'Convert this cloud-config to a Butane config (and its Ignition config)' : 'Only a cloud-config converts to Butane'}
        >
          To Butane
        </button>
      </div>
      <div className="toolbar-group toolbar-check" role="group" aria-label="How to check">
        <Choice<Target> label="Target" value={options.target} labels={TARGET_LABEL} onChange={(target) => onOptionsChange({ target })} />
        <Choice<RuleSetName> label="Rule set" value={options.rules} labels={RULE_SET_LABEL} onChange={(rules) => onOptionsChange({ rules })} />
      </div>
      <div className="toolbar-group">
        <label className="toggle">
          <input type="checkbox" checked={wrap} onChange={(e) => onWrapChange(e.target.checked)} />
          Wrap<span className="wide-only"> lines</span>
        </label>
      </div>
    </div>
  );
}
