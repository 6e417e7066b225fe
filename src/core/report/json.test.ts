import { describe, expect, it } from 'vitest';
import { validate } from '../validate';
import { formatJson } from './json';

describe('formatJson', () => {
  it('gives each finding its document path, and none to findings without one', () => {
    const report = validate('#cloud-config\ncoreos:\n  units:\n    - name: a.service\n      command: strat\n', { rules: 'reference', target: 'coreos' });
    const header = validate('hostname: a\n', { rules: 'reference', target: 'coreos' });
    expect(JSON.parse(formatJson([{ file: 'a.yaml', report }, { file: 'b.yaml', report: header }]))).toEqual({
      files: [
        {
          file: 'a.yaml',
          kind: 'cloud-config',
          target: 'coreos',
          entries: [{ line: 5, column: 16, endLine: 5, endColumn: 21, kind: 'error', message: 'invalid value strat', rule: 'invalid-value', path: '$.coreos.units[0].command' }],
        },
        {
          file: 'b.yaml',
          kind: 'unknown',
          target: 'coreos',
          entries: [{ line: 1, column: 1, endLine: 1, endColumn: 12, kind: 'error', message: 'must be "#cloud-config" or begin with "#!"', rule: 'header' }],
        },
      ],
    });
  });

  it('gives the place a finding cites by its line, without offsets', () => {
    const report = validate('#cloud-config\nwrite_files:\n  - path: /etc/a\n  - path: /etc/a\n', { rules: 'all' });
    const [entry] = JSON.parse(formatJson([{ file: 'a.yaml', report }])).files[0].entries;
    expect(entry).toMatchObject({ line: 4, rule: 'duplicate-file-path', related: { line: 3, column: 11, endLine: 3, endColumn: 17, message: 'the first entry for this file' } });
    expect(entry.related).not.toHaveProperty('from');
  });
});
