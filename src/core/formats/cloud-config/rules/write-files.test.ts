import { describe, expect, it } from 'vitest';
import { applyFix, findingsOf, fullFindingsOf, H } from './testing';
import { decimalMode } from './write-files';

const file = (lines: string) => `${H}write_files:\n  - ${lines.replace(/\n(?=.)/g, '\n    ')}`;

describe('decimalMode', () => {
  it('finds the usual mode a decimal number stands for, unless the octal reading is usual too', () => {
    expect(decimalMode('420')).toBe(0o644);
    expect(decimalMode('493')).toBe(0o755);
    expect(decimalMode('644')).toBeUndefined();
    expect(decimalMode('0644')).toBeUndefined();
    expect(decimalMode('511')).toBe(0o777);
    expect(decimalMode('123')).toBeUndefined();
  });
});

describe('permissions-decimal', () => {
  it('accepts octal modes, quoted or not', () => {
    expect(findingsOf(file("path: /a\npermissions: 0644\n"), 'permissions-decimal')).toEqual([]);
    expect(findingsOf(file("path: /a\npermissions: 644\n"), 'permissions-decimal')).toEqual([]);
    expect(findingsOf(file("path: /a\npermissions: '0755'\n"), 'permissions-decimal')).toEqual([]);
  });

  it('warns about the decimal form of a usual mode, with a fix', () => {
    const text = file('path: /a\npermissions: 420\n');
    expect(findingsOf(text, 'permissions-decimal')).toEqual([
      { kind: 'warning', message: "permissions 420 is read as octal 0420 (r---w----); if you meant decimal 420 = 0644 (rw-r--r--), write '0644'", line: 4, column: 18, endLine: 4, endColumn: 21 },
    ]);
    expect(applyFix(text, fullFindingsOf(text, 'permissions-decimal')[0])).toBe(file("path: /a\npermissions: '0644'\n"));
  });

  it('leaves decimal values that are not octal to the reference, whose message says more here', () => {
    const text = file('path: /a\npermissions: 384\n');
    expect(findingsOf(text, 'permissions-decimal')).toEqual([]);
    const [f] = fullFindingsOf(text, 'invalid-value');
    expect(f.message).toBe("invalid value 384: permissions are octal, and 384 is the decimal form of 0600 (rw-------); write '0600'");
    expect(applyFix(text, f)).toBe(file("path: /a\npermissions: '0600'\n"));
  });
});

describe('script-permissions', () => {
  const script = (more: string) => file(`path: /opt/bin/run.sh\n${more}content: |\n  #!/bin/sh\n  echo hi\n`);
  it('warns about a script without an execute bit, adding it where read is allowed', () => {
    const text = script("permissions: '0644'\n");
    expect(findingsOf(text, 'script-permissions')).toEqual([
      { kind: 'warning', message: "/opt/bin/run.sh starts with \"#!\" but its permissions, 0644 (rw-r--r--), have no execute bit, so it cannot be run; write permissions: '0755'", line: 4, column: 18, endLine: 4, endColumn: 24 },
    ]);
    expect(applyFix(text, fullFindingsOf(text, 'script-permissions')[0])).toBe(script("permissions: '0755'\n"));
    const owner = script('permissions: 600\n');
    expect(applyFix(owner, fullFindingsOf(owner, 'script-permissions')[0])).toBe(script("permissions: '0700'\n"));
  });
  it('says so of the default mode, at the path, with no fix to make', () => {
    const [f] = fullFindingsOf(script(''), 'script-permissions');
    expect([f.line, f.column, f.endColumn, f.message, f.fixes]).toEqual([3, 11, 26, "/opt/bin/run.sh starts with \"#!\" but its permissions, 0644 (rw-r--r--) by default, have no execute bit, so it cannot be run; write permissions: '0755'", undefined]);
    // `permissions:` left empty is the default as well, and no place to write a value into.
    const [empty] = fullFindingsOf(script('permissions:\n'), 'script-permissions');
    expect([empty.line, empty.column, empty.fixes]).toEqual([3, 11, undefined]);
  });
  it('reads base64 content, and leaves alone what is no script or can run', () => {
    const encoded = file(`path: /opt/bin/x\nencoding: base64\ncontent: ${btoa('#!/bin/sh\n')}\n`);
    expect(findingsOf(encoded, 'script-permissions').map((f) => f.line)).toEqual([3]);
    expect(findingsOf(script("permissions: '0755'\n"), 'script-permissions')).toEqual([]);
    expect(findingsOf(script("permissions: '0744'\n"), 'script-permissions')).toEqual([]);
    expect(findingsOf(file("path: /etc/a\npermissions: '0644'\ncontent: 'echo #!'\n"), 'script-permissions')).toEqual([]);
    // A decimal-looking mode is permissions-decimal's to explain.
    expect(findingsOf(script('permissions: 420\n'), 'script-permissions')).toEqual([]);
  });
});

describe('file-path', () => {
  it('accepts absolute and templated paths', () => {
    expect(findingsOf(file('path: /etc/a\n'), 'file-path')).toEqual([]);
    expect(findingsOf(file('path: "{{ .Path }}"\n'), 'file-path')).toEqual([]);
  });

  it('warns about a relative path, with a fix', () => {
    const text = file('path: etc/a\n');
    expect(findingsOf(text, 'file-path')).toEqual([
      { kind: 'warning', message: 'path "etc/a" is not absolute; coreos-cloudinit writes it as "/etc/a": write that', line: 3, column: 11, endLine: 3, endColumn: 16 },
    ]);
    expect(applyFix(text, fullFindingsOf(text, 'file-path')[0])).toBe(file('path: /etc/a\n'));
  });

  it('reports an entry without a path at its first key', () => {
    expect(findingsOf(file('content: x\nowner: root\n'), 'file-path')).toEqual([
      { kind: 'error', message: 'this write_files entry has no path, so there is nowhere to write it; add path: /absolute/file', line: 3, column: 5, endLine: 3, endColumn: 12 },
    ]);
  });
});

describe('file-owner', () => {
  it('accepts what chown accepts', () => {
    for (const owner of ['root', 'core:core', '500:500', ':docker', 'core:', 'core.core', 'svc-user$']) {
      expect(findingsOf(file(`path: /a\nowner: "${owner}"\n`), 'file-owner')).toEqual([]);
    }
  });

  it('reports anything else', () => {
    expect(findingsOf(file('path: /a\nowner: root user\n'), 'file-owner')).toEqual([
      { kind: 'error', message: 'owner "root user" is not user, user:group or uid:gid, so chown fails and the file is not written; write e.g. core:core', line: 4, column: 12, endLine: 4, endColumn: 21 },
    ]);
    expect(findingsOf(file('path: /a\nowner: a:b:c\n'), 'file-owner')).toHaveLength(1);
  });
});
