import { describe, expect, it } from 'vitest';
import { validate, type Finding } from '../../core';
import { reuseUnchanged } from './diagnostics';

const report = (text: string): Finding[] => validate(text, { rules: 'all' }).entries;

describe('reuseUnchanged', () => {
  it('keeps the earlier object of a finding reported again unchanged, and says when nothing changed', () => {
    const text = '#cloud-config\ncoreos:\n  update:\n    reboot_strategy: sometimes\n';
    const first = report(text);
    const again = reuseUnchanged(first, report(text));
    expect(again.same).toBe(true);
    expect(again.entries[0]).toBe(first[0]);
  });

  it('takes a finding as new when only the place it cites moved', () => {
    // Spaces after the first entry's dash: its path moves along its line, and its line stays.
    const before = '#cloud-config\nwrite_files:\n  - path: /etc/a\n  - path: /etc/a\n';
    const after = '#cloud-config\nwrite_files:\n  -   path: /etc/a\n  - path: /etc/a\n';
    const [was] = report(before).filter((f) => f.related);
    const [now] = report(after).filter((f) => f.related);
    expect(now.message).toBe(was.message);
    expect(now.related!.from).toBe(was.related!.from + 2);
    const { entries, same } = reuseUnchanged([was], [{ ...now, from: was.from, to: was.to }]);
    expect(same).toBe(false);
    expect(entries[0].related!.from).toBe(now.related!.from);
  });
});
