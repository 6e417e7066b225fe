import { describe, expect, it } from 'vitest';
import { completionSpotAt, keyAt, topLevelEntryAround } from './yaml-path';

/** The text with the cursor mark `¦` removed, and the offset where it was. */
function at(marked: string): [string, number] {
  const i = marked.indexOf('¦');
  return [marked.slice(0, i) + marked.slice(i + 1), i];
}

const config = `#cloud-config
hostname: node-1
coreos:
  update:
    reboot-strategy: etcd-lock
  units:
    - name: etcd2.service
      command: start
    - name: docker.service
      drop_ins:
        - name: 50-opts.conf
          content: |
            [Service]
ssh_authorized_keys:
  - ssh-ed25519 AAAA
`;

describe('keyAt', () => {
  const keyPath = (marker: string) => {
    const i = config.indexOf(marker);
    expect(i).toBeGreaterThanOrEqual(0);
    return keyAt(config, i + 1);
  };

  it('finds a top-level key', () => {
    expect(keyPath('hostname')).toMatchObject({ path: ['hostname'], onKey: true });
  });

  it('normalises dashes in keys to underscores, as coreos-cloudinit does', () => {
    expect(keyPath('reboot-strategy')?.path).toEqual(['coreos', 'update', 'reboot_strategy']);
  });

  it('walks into lists with indices', () => {
    expect(keyPath('command')?.path).toEqual(['coreos', 'units', 0, 'command']);
    expect(keyPath('name: 50')?.path).toEqual(['coreos', 'units', 1, 'drop_ins', 0, 'name']);
  });

  it('reports the owning key for a position in a value', () => {
    expect(keyPath('etcd-lock')).toMatchObject({ path: ['coreos', 'update', 'reboot_strategy'], onKey: false });
    expect(keyPath('[Service]')).toMatchObject({ path: ['coreos', 'units', 1, 'drop_ins', 0, 'content'], onKey: false });
    expect(keyPath('ssh-ed25519')).toMatchObject({ path: ['ssh_authorized_keys'], onKey: false });
  });

  it('gives the key token range', () => {
    const hit = keyPath('hostname')!;
    expect(config.slice(hit.from, hit.to)).toBe('hostname');
  });

  it('finds nothing in the header comment', () => {
    expect(keyAt(config, 3)).toBeUndefined();
  });

  it('copes with broken YAML', () => {
    expect(keyAt('#cloud-config\ncoreos:\n  update: [\n', 17)?.path).toEqual(['coreos']);
  });
});

describe('completionSpotAt', () => {
  it('completes a top-level key', () => {
    const [text, offset] = at('#cloud-config\nhost¦\n');
    expect(completionSpotAt(text, offset)).toEqual({ kind: 'key', parent: [], present: [], from: 14, to: 18 });
  });

  it('completes a key under its parent by indentation', () => {
    const [text, offset] = at('#cloud-config\ncoreos:\n  up¦\n');
    expect(completionSpotAt(text, offset)).toMatchObject({ kind: 'key', parent: ['coreos'] });
  });

  it('completes a key of a new list item', () => {
    const [text, offset] = at('#cloud-config\ncoreos:\n  units:\n    - name: a.service\n    - ¦\n');
    expect(completionSpotAt(text, offset)).toMatchObject({ kind: 'key', parent: ['coreos', 'units', 1] });
  });

  it('completes a key among siblings, replacing the whole word', () => {
    const [text, offset] = at('#cloud-config\ncoreos:\n  update:\n    gr¦oup: stable\n    server: x\n');
    const spot = completionSpotAt(text, offset);
    expect(spot).toMatchObject({ kind: 'key', parent: ['coreos', 'update'], present: ['server'] });
    expect(text.slice(spot!.from, spot!.to)).toBe('group');
  });

  it('completes a value', () => {
    const [text, offset] = at('#cloud-config\ncoreos:\n  update:\n    reboot_strategy: et¦\n');
    const spot = completionSpotAt(text, offset);
    expect(spot).toMatchObject({ kind: 'value', path: ['coreos', 'update', 'reboot_strategy'] });
    expect(text.slice(spot!.from, spot!.to)).toBe('et');
  });

  it('offers nothing inside block text or comments', () => {
    const [inBlock, o1] = at('#cloud-config\nwrite_files:\n  - path: /etc/x\n    content: |\n      hel¦\n');
    expect(completionSpotAt(inBlock, o1)).toBeUndefined();
    const [inComment, o2] = at('#cloud-config\n# hel¦\n');
    expect(completionSpotAt(inComment, o2)).toBeUndefined();
  });
});

describe('topLevelEntryAround', () => {
  const lines = ['#cloud-config', 'hostname: a', 'coreos:', '  update:', '', '    group: beta', '# note', 'users: []'];
  const around = (line: number, max = 1000) => topLevelEntryAround((n) => lines[n - 1], lines.length, line, max);

  it('spans the top-level entry holding the line', () => {
    expect(around(6)).toEqual({ first: 3, last: 7 });
    expect(around(2)).toEqual({ first: 2, last: 2 });
  });

  it('gives up on entries longer than the limit', () => {
    expect(around(6, 10)).toBeUndefined();
  });
});
