import { useRef } from 'react';
import type { RuleSetName } from '../../core';
import { RULE_SET_LABEL } from '../use-editor-session';

interface ToolbarProps {
  rules: RuleSetName;
  onRulesChange(rules: RuleSetName): void;
  onOpen(file: File): void;
  onDownload(): void;
  onCopy(): void;
  onShare(): void;
}

export function Toolbar({ rules, onRulesChange, onOpen, onDownload, onCopy, onShare }: ToolbarProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <div className="toolbar" role="group" aria-label="File and sharing">
      <button type="button" onClick={() => fileInput.current?.click()}>
        Open file…
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
      <label className="rule-set">
        Rule set
        <select value={rules} onChange={(e) => onRulesChange(e.target.value as RuleSetName)}>
          {(Object.keys(RULE_SET_LABEL) as RuleSetName[]).map((r) => (
            <option key={r} value={r}>
              {RULE_SET_LABEL[r]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
