import { describe, expect, it } from 'vitest';
import { applyFix, findingsOf, fullFindingsOf, H } from './testing';
import { parseUnitFile } from './unit-file';

const unit = (name: string, content: string) => `${H}coreos:\n  units:\n    - name: ${name}\n      content: |\n${content.replace(/^(?=.)/gm, '        ')}`;

const GOOD = `[Unit]
Description=Web
# a comment
; another

[Service]
ExecStart=/usr/bin/web \\
  --port 80
.include /etc/extra.conf
Environment="A=1"

[X-Fleet]
Global=true

[Install]
WantedBy=multi-user.target
`;

describe('parseUnitFile', () => {
  it('reads sections, settings, comments and continued lines', () => {
    expect(parseUnitFile(GOOD).map((l) => l.kind)).toEqual([
      'section', 'entry', 'comment', 'comment', 'blank', 'section', 'entry', 'continuation', 'comment', 'entry', 'blank', 'section', 'entry', 'blank', 'section', 'entry', 'blank',
    ]);
  });

  it('keeps a continued value going across a comment line', () => {
    expect(parseUnitFile('[Service]\nExecStart=a \\\n# note\n  b\n').map((l) => l.kind)).toEqual(['section', 'entry', 'comment', 'continuation', 'blank']);
  });
});

describe('unit-file-syntax', () => {
  it('accepts a well-formed unit, and skips templated lines', () => {
    expect(findingsOf(unit('web.service', GOOD), 'unit-file-syntax')).toEqual([]);
    expect(findingsOf(unit('web.service', '[Service]\n{{ range .Envs }}\nEnvironment={{ . }}\n{{ end }}\n'), 'unit-file-syntax')).toEqual([]);
  });

  it('reports each bad line at its own line inside the block', () => {
    const text = unit('web.service', 'Description=orphan\n[Unit]\nDescription=Web\n  Restart always\n[Install\n=x\n');
    expect(findingsOf(text, 'unit-file-syntax')).toEqual([
      {
        kind: 'warning',
        message: 'unit "web.service": "Description=" comes before any [Section] header, so systemd ignores it; move it under the section it belongs to (e.g. [Unit] or [Service])',
        line: 6, column: 9, endLine: 6, endColumn: 27,
      },
      {
        kind: 'warning',
        message: 'unit "web.service": this line is not a [Section] header, a Key=Value setting or a comment, so systemd ignores it; add the "=" between key and value, or start a comment with #',
        line: 9, column: 11, endLine: 9, endColumn: 25,
      },
      {
        kind: 'warning',
        message: 'unit "web.service": section header without its closing "]", so systemd ignores the line and files the settings below under the previous section; add the "]"',
        line: 10, column: 9, endLine: 10, endColumn: 17,
      },
      { kind: 'warning', message: 'unit "web.service": setting with no key before "=", so systemd ignores it; add the key, or remove the line', line: 11, column: 9, endLine: 11, endColumn: 11 },
    ]);
    const header = fullFindingsOf(text, 'unit-file-syntax')[2];
    expect(applyFix(text, header)).toContain('\n        [Install]\n');
  });

  it('checks drop-ins, and points at the whole value when the content is quoted over lines', () => {
    const text = `${H}coreos:\n  units:\n    - name: docker.service\n      drop_ins:\n        - name: 10.conf\n          content: "[Service]\\nNice 5\\n"\n`;
    expect(findingsOf(text, 'unit-file-syntax')).toEqual([
      {
        kind: 'warning',
        message: 'drop-in "10.conf": this line is not a [Section] header, a Key=Value setting or a comment, so systemd ignores it; add the "=" between key and value, or start a comment with #',
        line: 7, column: 20, endLine: 7, endColumn: 41,
      },
    ]);
  });

  it('maps lines of a block with CRLF line ends', () => {
    const text = unit('web.service', '[Service]\nbad line\n').replace(/\n/g, '\r\n');
    expect(findingsOf(text, 'unit-file-syntax').map((f) => [f.line, f.column, f.endColumn])).toEqual([[7, 9, 17]]);
  });
});

describe('unit-section', () => {
  it('accepts the sections of each type and X- extensions', () => {
    expect(findingsOf(unit('web.service', GOOD), 'unit-section')).toEqual([]);
    expect(findingsOf(unit('a.timer', '[Unit]\n[Timer]\nOnCalendar=daily\n[Install]\n'), 'unit-section')).toEqual([]);
    expect(findingsOf(unit('00-eth0.network', '[Match]\nName=eth0\n[Network]\nDHCP=yes\n[Route]\n'), 'unit-section')).toEqual([]);
    expect(findingsOf(unit('app', '[Whatever]\n'), 'unit-section')).toEqual([]);
  });

  it('reports a section the type does not read, with a fix for a near miss', () => {
    const text = unit('web.service', '[unit]\nDescription=x\n[Timer]\n');
    expect(findingsOf(text, 'unit-section')).toEqual([
      { kind: 'warning', message: 'unit "web.service": [unit] is not a section of .service files, so systemd ignores it and its settings; did you mean [Unit]?', line: 6, column: 9, endLine: 6, endColumn: 15 },
      {
        kind: 'warning',
        message: 'unit "web.service": [Timer] is not a section of .service files, so systemd ignores it and its settings; use [Unit], [Service], [Install]',
        line: 8, column: 9, endLine: 8, endColumn: 16,
      },
    ]);
    expect(applyFix(text, fullFindingsOf(text, 'unit-section')[0])).toBe(unit('web.service', '[Unit]\nDescription=x\n[Timer]\n'));
  });

  it('names the manual page for networkd files', () => {
    expect(findingsOf(unit('00-eth0.network', '[Match]\n[Service]\n'), 'unit-section')[0].message).toBe(
      'unit "00-eth0.network": [Service] is not a section of .network files, so systemd ignores it and its settings; see systemd.network(5) for its sections',
    );
  });
});
