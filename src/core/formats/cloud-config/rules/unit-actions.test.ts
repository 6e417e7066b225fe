import { describe, expect, it } from 'vitest';
import { findingsOf, H } from './testing';

const units = (body: string) => `${H}coreos:\n  units:\n${body}`;

describe('unit-enable-without-install', () => {
  it('accepts enable with an [Install] section (in the unit or a drop-in), or a unit without content', () => {
    expect(findingsOf(units('    - name: a.service\n      enable: true\n      content: |\n        [Service]\n        ExecStart=/bin/true\n        [Install]\n        WantedBy=multi-user.target\n'), 'unit-enable-without-install')).toEqual([]);
    expect(findingsOf(units('    - name: a.service\n      enable: true\n      content: "[Service]"\n      drop_ins:\n        - name: i.conf\n          content: "[Install]\\nWantedBy=x"\n'), 'unit-enable-without-install')).toEqual([]);
    expect(findingsOf(units('    - name: docker.service\n      enable: true\n'), 'unit-enable-without-install')).toEqual([]);
  });

  it('warns at enable when the content has no [Install] section', () => {
    expect(findingsOf(units('    - name: a.service\n      enable: yes\n      content: |\n        [Service]\n        ExecStart=/bin/true\n'), 'unit-enable-without-install')).toEqual([
      {
        kind: 'warning',
        message: 'enable: true has no effect: unit "a.service" has no [Install] section; add one (e.g. [Install] with WantedBy=multi-user.target) or use command: start',
        line: 5, column: 7, endLine: 5, endColumn: 13,
      },
    ]);
  });
});

describe('unit-mask-start', () => {
  it('accepts a masked unit that is stopped, and a started one that is not masked', () => {
    expect(findingsOf(units('    - name: a.service\n      mask: true\n      command: stop\n    - name: b.service\n      mask: false\n      command: start\n'), 'unit-mask-start')).toEqual([]);
  });

  it('reports starting a masked unit at the command', () => {
    expect(findingsOf(units('    - name: update-engine.service\n      mask: true\n      command: start\n'), 'unit-mask-start')).toEqual([
      {
        kind: 'error',
        message: 'command: start fails because the unit is also masked (mask: true); remove mask: true to run it, or remove the command to keep it masked',
        line: 6, column: 16, endLine: 6, endColumn: 21,
      },
    ]);
  });

  it('reads mask as each target does: a quoted "yes" masks on Flatcar (yaml.v3) and is dropped by CoreOS', () => {
    const text = units('    - name: update-engine.service\n      mask: "yes"\n      command: start\n');
    expect(findingsOf(text, 'unit-mask-start', 'flatcar').map((f) => [f.line, f.column, f.kind])).toEqual([[6, 16, 'error']]);
    expect(findingsOf(text, 'unit-mask-start', 'coreos')).toEqual([]);
    expect(findingsOf(units('    - name: update-engine.service\n      mask: on\n      command: start\n'), 'unit-mask-start', 'coreos')).toHaveLength(1);
  });
});

describe('unit-without-content', () => {
  it('accepts shipped units, template instances, units written by write_files, and masked units', () => {
    const text =
      units('    - name: etcd2.service\n      command: start\n    - name: systemd-networkd.service\n      command: restart\n    - name: getty@tty1.service\n      enable: true\n    - name: app.service\n      command: start\n    - name: gone.service\n      mask: true\n      command: stop\n') +
      'write_files:\n  - path: /etc/systemd/system/app.service\n    content: "[Service]"\n';
    expect(findingsOf(text, 'unit-without-content')).toEqual([]);
  });

  it('notes a unit acted on that nothing provides', () => {
    expect(findingsOf(units('    - name: app.service\n      command: start\n    - name: app.timer\n'), 'unit-without-content')).toEqual([
      {
        kind: 'info',
        message: 'unit "app.service" has no content here, no write_files entry writes it, and it is not a unit the OS ships; unless the machine has it already, add its content (content: |)',
        line: 4, column: 13, endLine: 4, endColumn: 24,
      },
    ]);
  });
});
