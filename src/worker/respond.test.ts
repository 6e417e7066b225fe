import { describe, expect, it } from 'vitest';
import { respond } from './respond';

const butane = (version: string, extra = '') =>
  `variant: flatcar\nversion: ${version}\nstorage:\n  files:\n    - path: /etc/hostname\n      contents:\n        inline: node-1\n${extra}`;
const run = (text: string) => respond({ id: 1, text, rules: 'all', target: 'flatcar' });

describe('respond', () => {
  it('sends a Butane config’s Ignition as JSON text, of the spec its version translates to', () => {
    for (const [version, spec] of [
      ['1.1.0', '3.4.0'],
      ['1.0.0', '3.3.0'],
    ]) {
      const response = run(butane(version));
      expect(response.kind).toBe('butane');
      const ignition = JSON.parse(response.ignition!);
      expect(ignition.ignition.version).toBe(spec);
      expect(ignition.storage.files[0]).toMatchObject({ path: '/etc/hostname', contents: { source: 'data:,node-1' } });
      expect(response.ignition).toBe(`${JSON.stringify(ignition, null, 2)}\n`);
    }
  });

  it('sends none when Butane would refuse the config, nor for other kinds', () => {
    const refused = run(butane('1.1.0', '      mode: big\n'));
    expect(refused.counts.error).toBe(1);
    expect(refused).not.toHaveProperty('ignition');
    expect(run('#cloud-config\nhostname: a\n')).not.toHaveProperty('ignition');
    expect(run('{"ignition": {"version": "3.4.0"}}')).not.toHaveProperty('ignition');
  });
});
