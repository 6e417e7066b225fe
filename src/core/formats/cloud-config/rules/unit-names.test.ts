import { describe, expect, it } from 'vitest';
import { applyFix, findingsOf, fullFindingsOf, H } from './testing';

const units = (body: string) => `${H}coreos:\n  units:\n${body}`;

describe('unit-name', () => {
  it('accepts every unit type, templates and instances', () => {
    const names = ['a.service', 'a.socket', 'a.timer', 'a.mount', 'a.automount', 'a.path', 'a.target', 'a.device', 'a.swap', 'a.slice', 'a.scope', '00-eth0.network', 'br0.netdev', '10-x.link', 'getty@tty1.service', '{{ .Name }}'];
    expect(findingsOf(units(names.map((n) => `    - name: "${n}"\n`).join('')), 'unit-name')).toEqual([]);
  });

  it('reports a name without a type suffix', () => {
    expect(findingsOf(units('    - name: app\n      command: start\n'), 'unit-name')).toEqual([
      { kind: 'error', message: 'unit name "app" has no unit type suffix; systemd needs one, e.g. "app.service" (or .socket, .timer, .mount, ...)', line: 4, column: 13, endLine: 4, endColumn: 16 },
    ]);
  });

  it('fixes a misspelt suffix', () => {
    const text = units('    - name: web.servce\n');
    expect(findingsOf(text, 'unit-name')).toEqual([
      { kind: 'error', message: 'unit name "web.servce" ends in ".servce", which is not a unit type; did you mean ".service"?', line: 4, column: 13, endLine: 4, endColumn: 23 },
    ]);
    expect(applyFix(text, fullFindingsOf(text, 'unit-name')[0])).toBe(units('    - name: web.service\n'));
  });

  it('reports a unit without a name at its first key', () => {
    expect(findingsOf(units('    - command: start\n      enable: true\n'), 'unit-name')).toEqual([
      { kind: 'error', message: 'this unit has no name; add name: with the unit file name, e.g. name: example.service', line: 4, column: 7, endLine: 4, endColumn: 14 },
    ]);
  });
});

describe('drop-in-name', () => {
  it('accepts .conf names', () => {
    expect(findingsOf(units('    - name: docker.service\n      drop_ins:\n        - name: 10-opts.conf\n          content: "[Service]"\n'), 'drop-in-name')).toEqual([]);
  });

  it('reports other names, with a fix that appends .conf', () => {
    const text = units('    - name: docker.service\n      drop-ins:\n        - name: 10-opts\n        - name: 20-more.service\n');
    expect(findingsOf(text, 'drop-in-name')).toEqual([
      { kind: 'error', message: 'drop-in name "10-opts" does not end in .conf, so systemd never reads it; name it "10-opts.conf"', line: 6, column: 17, endLine: 6, endColumn: 24 },
      { kind: 'error', message: 'drop-in name "20-more.service" does not end in .conf, so systemd never reads it; name it "20-more.conf"', line: 7, column: 17, endLine: 7, endColumn: 32 },
    ]);
    const [first, second] = fullFindingsOf(text, 'drop-in-name');
    expect(applyFix(text, first)).toContain('- name: 10-opts.conf\n');
    expect(second.fixes).toBeUndefined();
  });

  it('reports a drop-in without a name', () => {
    expect(findingsOf(units('    - name: docker.service\n      drop_ins:\n        - content: "[Service]"\n'), 'drop-in-name')).toEqual([
      { kind: 'error', message: 'this drop-in has no name; add name: ending in .conf, e.g. name: 10-override.conf', line: 6, column: 11, endLine: 6, endColumn: 18 },
    ]);
  });
});
