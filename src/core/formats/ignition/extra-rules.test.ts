import { describe, expect, it } from 'vitest';
import { validate } from '../../validate';

const config = (body: string, version = '3.4.0') => `{"ignition":{"version":"${version}"}${body ? ',' + body : ''}}`;
/** The `all` set's findings of one rule, after checking that the reference set never has it. */
function findings(text: string, rule: string, target: 'flatcar' | 'coreos' = 'flatcar') {
  expect(validate(text, { rules: 'reference', format: 'ignition', target }).entries.map((e) => e.rule)).not.toContain(rule);
  return validate(text, { rules: 'all', format: 'ignition', target })
    .entries.filter((e) => e.rule === rule)
    .map((e) => [e.line, e.column, e.endColumn, e.kind, e.message]);
}
const col = (text: string, token: string) => text.indexOf(token) + 1;

describe('ignition-mode-octal', () => {
  it('flags modes written as octal digits, saying the decimal value', () => {
    const text = config('"storage":{"files":[{"path":"/a","mode":644}],"directories":[{"path":"/d","mode":755}]}');
    expect(findings(text, 'ignition-mode-octal')).toEqual([
      [1, col(text, '644'), col(text, '644') + 3, 'error', '"mode": 644 is the decimal number 644, which is 0o1204 (JSON has no octal numbers); for 0644 write 420'],
      [1, col(text, '755'), col(text, '755') + 3, 'error', '"mode": 755 is the decimal number 755, which is 0o1363 (JSON has no octal numbers); for 0755 write 493'],
    ]);
  });
  it('flags small octal-looking modes too, when only the octal reading is a usual mode', () => {
    const text = config('"storage":{"files":[{"path":"/a","mode":400}]}');
    expect(findings(text, 'ignition-mode-octal').map((f) => [f[1], f[4]])).toEqual([
      [col(text, '400'), '"mode": 400 is the decimal number 400, which is 0o620 (JSON has no octal numbers); for 0400 write 256'],
    ]);
  });
  it('leaves decimal modes alone', () => {
    for (const m of [420, 493, 384, 511, 448, 416]) expect(findings(config(`"storage":{"files":[{"path":"/a","mode":${m}}]}`), 'ignition-mode-octal')).toEqual([]);
  });
});

describe('ignition-read-only', () => {
  it('flags files, directories and links under /usr', () => {
    const text = config('"storage":{"files":[{"path":"/usr/bin/x"}],"links":[{"path":"/usr/lib/y","target":"/z"}]}');
    expect(findings(text, 'ignition-read-only').map((f) => [f[1], f[2]])).toEqual([
      [col(text, '"/usr/bin/x"'), col(text, '"/usr/bin/x"') + 12],
      [col(text, '"/usr/lib/y"'), col(text, '"/usr/lib/y"') + 12],
    ]);
  });
  it('leaves /usr-like paths elsewhere alone', () => {
    expect(findings(config('"storage":{"files":[{"path":"/usrdata/x"},{"path":"/opt/usr/x"}]}'), 'ignition-read-only')).toEqual([]);
  });
});

describe('ignition-script-exec', () => {
  const file = (mode: string) => config(`"storage":{"files":[{"path":"/opt/bin/s"${mode},"contents":{"source":"data:,%23!%2Fbin%2Fsh%0A"}}]}`);
  it('flags an inline script without an execute bit', () => {
    const text = file(',"mode":420');
    expect(findings(text, 'ignition-script-exec')).toEqual([
      [1, col(text, '420'), col(text, '420') + 3, 'warning', '/opt/bin/s starts with "#!" but its mode (0644) has no execute bit, so it cannot be run; set "mode": 493 (0755)'],
    ]);
    expect(findings(file(''), 'ignition-script-exec')[0][4]).toContain('default 0644');
  });
  it('leaves executable scripts and other files alone', () => {
    expect(findings(file(',"mode":493'), 'ignition-script-exec')).toEqual([]);
    expect(findings(config('"storage":{"files":[{"path":"/etc/motd","contents":{"source":"data:,hello"}}]}'), 'ignition-script-exec')).toEqual([]);
  });
});

describe('ignition-ssh-key and ignition-password-hash', () => {
  const key = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGx2dmVyeXZhbGlka2V5c29ydG9mbm9wZWFjaGhlcmU= me';
  it('flags a key line that is not a public key, at the part at fault', () => {
    const text = config(`"passwd":{"users":[{"name":"u","sshAuthorizedKeys":["${key}","ssh-rsa"]}]}`);
    const at = col(text, '"ssh-rsa"') + 1;
    expect(findings(text, 'ignition-ssh-key')).toEqual([[1, at, at + 7, 'error', 'the ssh-rsa key has no key data after its type; paste the whole line from the .pub file']]);
  });
  it('flags a plain password, not a crypt hash', () => {
    const text = config('"passwd":{"users":[{"name":"u","passwordHash":"secret"},{"name":"v","passwordHash":"$6$salt$abc"}]}');
    expect(findings(text, 'ignition-password-hash').map((f) => [f[1], f[3]])).toEqual([[col(text, '"secret"'), 'error']]);
  });
});

describe('ignition-passwd-name', () => {
  it('flags users and groups without a name, at their object', () => {
    const text = config('"passwd":{"users":[{"name":"a"},{"groups":["docker"]}],"groups":[{"gid":5}]}');
    expect(findings(text, 'ignition-passwd-name').map((f) => [f[1], f[3]])).toEqual([
      [col(text, '{"groups"'), 'error'],
      [col(text, '{"gid"'), 'error'],
    ]);
  });
  it('leaves named entries alone', () => {
    expect(findings(config('"passwd":{"users":[{"name":"a"}],"groups":[{"name":"g"}]}'), 'ignition-passwd-name')).toEqual([]);
  });
});

describe('ignition-core-user', () => {
  it('flags fields that fight Flatcar\'s own core user', () => {
    const text = config('"passwd":{"users":[{"name":"core","uid":1000,"homeDir":"/home/core","sshAuthorizedKeys":[]}]}');
    expect(findings(text, 'ignition-core-user').map((f) => [f[1], f[3]])).toEqual([[col(text, '1000'), 'warning']]);
  });
  it('leaves other users, and the coreos target, alone', () => {
    expect(findings(config('"passwd":{"users":[{"name":"ops","uid":1000}]}'), 'ignition-core-user')).toEqual([]);
    expect(findings(config('"passwd":{"users":[{"name":"core","uid":1000}]}'), 'ignition-core-user', 'coreos')).toEqual([]);
  });
});

describe('ignition-unit-syntax', () => {
  it('flags unit lines systemd skips, at their place inside the JSON string', () => {
    const text = config('"systemd":{"units":[{"name":"a.service","contents":"[Unit]\\nDescription=x\\n[Servce]\\nbad line\\n"}]}');
    const found = findings(text, 'ignition-unit-syntax');
    expect(found.map((f) => [f[1], f[2]])).toEqual([
      [col(text, '[Servce]'), col(text, '[Servce]') + 8],
      [col(text, 'bad line'), col(text, 'bad line') + 8],
    ]);
    expect(found[0][4]).toBe('unit "a.service": [Servce] is not a section of .service files, so systemd ignores it and its settings; did you mean [Service]?');
  });
  it('leaves well-formed units alone', () => {
    expect(findings(config('"systemd":{"units":[{"name":"a.service","contents":"[Unit]\\nA=1\\n[Service]\\nB=2\\n[Install]\\nWantedBy=x\\n"}]}'), 'ignition-unit-syntax')).toEqual([]);
  });
});

describe('the all set on the reference findings', () => {
  it('suggests the key meant for an unknown one', () => {
    const text = config('"storage":{"files":[{"path":"/a","mod":420}]}');
    const [f] = validate(text, { format: 'ignition' }).entries;
    expect([f.line, f.column, f.endColumn, f.message]).toEqual([1, col(text, '"mod"'), col(text, '"mod"') + 5, 'unknown key "mod" in $.storage.files.0: Ignition ignores it; did you mean "mode"?']);
  });
  it('names the spec that has a key an earlier one lacks, and suggests no near miss for it', () => {
    const text = config('"storage":{"luks":[{"name":"d","device":"/dev/vdb"}]}', '3.1.0');
    const [f] = validate(text, { format: 'ignition' }).entries;
    expect([f.line, f.column, f.endColumn, f.message, f.fixes]).toEqual([
      1,
      col(text, '"luks"'),
      col(text, '"luks"') + 6,
      'unknown key "luks" in $.storage: Ignition ignores it in spec 3.1.0; it came with spec 3.2.0: set ignition.version to 3.2.0 or later to use it',
      undefined,
    ]);
    const top = config('"kernelArguments":{"shouldExist":["quiet"]}', '3.2.0');
    expect(validate(top, { format: 'ignition' }).entries.map((e) => [e.column, e.message])).toEqual([
      [col(top, '"kernelArguments"'), 'unknown key "kernelArguments": Ignition ignores it in spec 3.2.0; it came with spec 3.3.0: set ignition.version to 3.3.0 or later to use it'],
    ]);
  });
  it('keeps the near miss for a key no later spec has', () => {
    const text = config('"storage":{"luks":[{"name":"d","device":"/dev/vdb","cex":{"enabled":true},"labl":"x"}]}', '3.4.0');
    expect(validate(text, { format: 'ignition' }).entries.filter((e) => e.rule === 'ignition-unknown-key').map((e) => [e.column, e.message])).toEqual([
      [col(text, '"cex"'), 'unknown key "cex" in $.storage.luks.0: Ignition ignores it in spec 3.4.0; it came with spec 3.5.0: set ignition.version to 3.5.0 or later to use it'],
      [col(text, '"labl"'), 'unknown key "labl" in $.storage.luks.0: Ignition ignores it; did you mean "label"?'],
    ]);
    // Names an object has by inheritance are no spec's fields.
    const inherited = config('"constructor":1,"toString":2', '3.0.0');
    expect(validate(inherited, { format: 'ignition' }).entries.map((e) => e.message)).toEqual([
      'unknown key "constructor": Ignition ignores it',
      'unknown key "toString": Ignition ignores it',
    ]);
  });
  it('names the experimental spec as such', () => {
    const text = config('', '3.6.0-experimental');
    expect(validate(text, { format: 'ignition' }).entries.map((e) => [e.column, e.kind, e.rule])).toEqual([[col(text, '"3.6.0'), 'warning', 'ignition-version']]);
  });
  it('explains 2.x specs', () => {
    expect(validate(config('', '2.2.0'), { format: 'ignition' }).entries[0].message).toMatch(/translates 2\.x configs at boot/);
  });
});
