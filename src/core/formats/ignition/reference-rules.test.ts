import { describe, expect, it } from 'vitest';
import { validate } from '../../validate';

/** A one-line config of spec `version`; columns are then offsets + 1. */
const config = (body: string, version = '3.4.0') => `{"ignition":{"version":"${version}"}${body ? ',' + body : ''}}`;
const ref = (text: string) => validate(text, { rules: 'reference', format: 'ignition' }).entries.map((e) => [e.line, e.column, e.kind, e.message, e.rule]);
/** 1-based column of the n-th occurrence of `token`. */
const col = (text: string, token: string, n = 1) => {
  let at = -1;
  for (let i = 0; i < n; i++) at = text.indexOf(token, at + 1);
  if (at < 0) throw new Error(`${token} not in ${text}`);
  return at + 1;
};

describe('Ignition reference checks: versions', () => {
  it('accepts every stable spec and 3.6.0-experimental', () => {
    for (const v of ['3.0.0', '3.1.0', '3.2.0', '3.3.0', '3.4.0', '3.5.0', '3.6.0-experimental']) expect(ref(config('', v))).toEqual([]);
  });
  it('refuses versions it cannot parse, and ones it does not support, without a position', () => {
    // ignition-validate prints these without a position (line 0); the all set puts them on the version.
    const three = config('', 'three');
    expect(ref(three)).toEqual([[0, 0, 'error', "invalid config version (couldn't parse)", 'ignition-version']]);
    const all = validate(three, { format: 'ignition' }).entries.map((e) => [e.line, e.column]);
    expect(all).toEqual([[1, col(three, '"three"')]]);
    const [bad] = ref('{}');
    expect(bad.slice(2)).toEqual(['error', "invalid config version (couldn't parse)", 'ignition-version']);
    for (const v of ['2.2.0', '3.6.0', '3.5.0-experimental', '3.4.0+meta', '4.0.0']) {
      expect(ref(config('', v)).map((e) => e[3])).toEqual(['unsupported config version']);
    }
  });
  it('reads the version case-insensitively, as Go\'s decoder does, and warns about the keys it did not use', () => {
    const text = '{"Ignition":{"version":"3.4.0"}}';
    expect(ref(text)).toEqual([[1, 2, 'warning', 'Unused key Ignition', 'ignition-unknown-key']]);
  });
  it('takes a key named like an Object.prototype member for the unknown key it is', () => {
    const text = '{"ignition":{"version":"3.4.0"},"constructor":1,"storage":{"toString":{}}}';
    expect(ref(text)).toEqual([
      [1, 33, 'warning', 'Unused key constructor', 'ignition-unknown-key'],
      [1, 60, 'warning', 'Unused key toString', 'ignition-unknown-key'],
    ]);
  });
});

describe('Ignition reference checks: decoding', () => {
  it('gives the first type error at Go\'s offset: after a literal, inside a bracket', () => {
    const text = config('"storage":{"files":[{"path":"/a","mode":"420"}],"disks":{}}');
    expect(ref(text)).toEqual([
      [1, col(text, '"420"') + 5, 'error', 'json: cannot unmarshal string into Go struct field File.storage.files.mode of type int', 'ignition-type'],
    ]);
    const obj = config('"storage":{"files":{}}');
    expect(ref(obj)[0].slice(0, 4)).toEqual([1, col(obj, '{}') + 1, 'error', 'json: cannot unmarshal object into Go struct field Storage.storage.files of type []types.File']);
  });
  it('refuses numbers that are not Go ints', () => {
    const text = config('"storage":{"files":[{"path":"/a","mode":4.5}]}');
    expect(ref(text)[0][3]).toBe('json: cannot unmarshal number 4.5 into Go struct field File.storage.files.mode of type int');
  });
  it('reports a top level that is not an object against the version stub', () => {
    expect(ref('[]')).toEqual([[1, 2, 'error', 'json: cannot unmarshal array into Go value of type util.versionStub', 'ignition-type']]);
  });
  it('puts an error at the end of the input on line 0', () => {
    expect(ref('{"ignition": {')).toEqual([[0, 0, 'error', 'unexpected end of JSON input', 'json-syntax']]);
  });
});

describe('Ignition reference checks: storage', () => {
  it('paths: absolute and clean', () => {
    const text = config('"storage":{"files":[{"path":"etc/a"},{"path":"/etc//b"},{"path":""}]}');
    expect(ref(text)).toEqual([
      [1, col(text, '"etc/a"'), 'error', 'path not absolute', 'ignition-path'],
      [1, col(text, '"/etc//b"'), 'error', 'path is not fully simplified', 'ignition-path'],
      [1, col(text, '""'), 'error', 'path not specified', 'ignition-path'],
    ]);
  });
  it('duplicates across files, directories and links, at the later entry', () => {
    const text = config('"storage":{"directories":[{"path":"/x"}],"files":[{"path":"/y"},{"path":"/x"}]}');
    expect(ref(text)).toEqual([[1, col(text, '{"path":"/x"}', 2) + 1, 'error', 'duplicate entry defined', 'ignition-duplicate']]);
  });
  it('modes: range, and special bits before 3.4.0', () => {
    // 8191 is 0o17777: out of range, and uint32(mode) & 07000 is set.
    const text = config('"storage":{"files":[{"path":"/a","mode":8191}]}', '3.3.0');
    const at = col(text, '8191');
    expect(ref(text)).toEqual([
      [1, at, 'error', 'illegal file mode', 'ignition-mode'],
      [1, at, 'warning', 'setuid/setgid/sticky bits are not supported in spec versions older than 3.4.0', 'ignition-mode'],
    ]);
    expect(ref(config('"storage":{"files":[{"path":"/a","mode":2541}]}', '3.4.0'))).toEqual([]);
    expect(ref(config('"storage":{"files":[{"path":"/a","mode":420}]}', '3.0.0'))).toEqual([]);
  });
  it('sources: schemes per version, data URLs, S3 version ids, hashes, compression', () => {
    const src = (s: string, v = '3.4.0', extra = '') => ref(config(`"storage":{"files":[{"path":"/a","contents":{"source":${JSON.stringify(s)}${extra}}}]}`, v)).map((e) => e[3]);
    expect(src('gs://b/o', '3.1.0')).toEqual(['invalid url scheme']);
    expect(src('gs://b/o', '3.2.0')).toEqual([]);
    expect(src('arn:aws:s3:::bucket/key', '3.3.0')).toEqual(['invalid url scheme']);
    expect(src('arn:aws:s3:::bucket/key', '3.4.0')).toEqual([]);
    expect(src('arn:aws:iam:::bucket/key', '3.4.0')).toEqual(['invalid S3 ARN format']);
    expect(src('s3://b/k?versionId=', '3.0.0')).toEqual(['invalid S3 object VersionId']);
    expect(src('data:,50%')).toEqual(['rfc2396: unexpected end of unescape sequence']);
    expect(src('http://[::1/x')).toEqual(['unable to parse url']);
    expect(src('https://x/y', '3.0.0', ',"verification":{"hash":"sha256-' + '0'.repeat(64) + '"}')).toEqual(['unrecognized hash function']);
    expect(src('https://x/y', '3.1.0', ',"verification":{"hash":"sha256-' + '0'.repeat(64) + '"}')).toEqual([]);
    expect(src('https://x/y', '3.1.0', ',"compression":"xz"')).toEqual(['invalid compression method']);
  });
  it('disks, partitions and filesystems', () => {
    const text = config(
      '"storage":{"disks":[{"device":"/dev/sdb","partitions":[{"number":1,"startMiB":10,"sizeMiB":10},{"number":1,"label":"a:b"}]}],' +
        '"filesystems":[{"device":"/dev/sdb","format":"ext4","label":"abcdefghijklmnopq"},{"device":"/dev/sdc","path":"/var"}]}',
    );
    const messages = ref(text).map((e) => [e[1], e[3]]);
    expect(messages).toEqual([
      [col(text, '{"number":1,"label"') + 1, 'partition numbers collide'],
      // Both partitions' Key() is "number:1".
      [col(text, '{"number":1,"label"') + 1, 'duplicate entry defined'],
      [col(text, '"a:b"'), 'partition label will be truncated to text before the colon'],
      [col(text, '"/dev/sdb"', 2), 'filesystem overwrites partitioned device'],
      [col(text, '"abcdefghijklmnopq"'), 'filesystem labels cannot be longer than 16 characters when using ext4'],
      [col(text, '{"device":"/dev/sdc"') + 1, 'format cannot be empty when path, label, uuid, wipeFilesystem, options, or mountOptions is specified'],
    ]);
  });
  it('raid levels and links', () => {
    const text = config('"storage":{"raid":[{"name":"md","level":"raid9","devices":["/dev/a"]}],"links":[{"path":"/l"},{"path":"/l/x","target":"/t"}]}');
    expect(ref(text).map((e) => [e[1], e[3]])).toEqual([
      [col(text, '"raid9"'), 'unrecognized raid level'],
      [col(text, '{"path":"/l"}') + 1, 'link target is required'],
      [col(text, '{"path":"/l/x"') + 1, 'link path includes link in config'],
    ]);
  });
  it('raid member devices: a null one is an empty path, as Go decodes it', () => {
    const text = config('"storage":{"raid":[{"name":"md","level":"raid1","devices":["/dev/a",null,"dev/c"]}]}');
    expect(ref(text).map((e) => [e[1], e[3]])).toEqual([
      [col(text, 'null'), 'path not specified'],
      [col(text, '"dev/c"'), 'path not absolute'],
    ]);
  });
});

describe('Ignition reference checks: systemd, passwd, ignition', () => {
  it('unit names, drop-in names, contents and [Install]', () => {
    const text = config('"systemd":{"units":[{"name":"a.serv","contents":"[Unit"},{"name":"b.service","enabled":true,"contents":"[Unit]\\nA=1\\n","dropins":[{"name":"x.txt"}]}]}');
    expect(ref(text)).toEqual([
      [1, col(text, '"a.serv"'), 'error', 'invalid systemd unit extension', 'ignition-unit-name'],
      [1, col(text, '"[Unit"'), 'error', 'invalid unit content: unable to find end of section', 'ignition-unit-contents'],
      [1, col(text, '"[Unit]\\n'), 'warning', 'unit "b.service" is enabled, but has no install section so enable does nothing', 'ignition-install'],
      [1, col(text, '"x.txt"'), 'error', 'invalid systemd drop-in extension', 'ignition-unit-name'],
    ]);
  });
  it('a file that takes a unit\'s path', () => {
    const text = config('"storage":{"files":[{"path":"/etc/systemd/system/a.service"}]},"systemd":{"units":[{"name":"a.service","contents":"[Unit]"}]}');
    expect(ref(text)).toEqual([[1, col(text, '"/etc/systemd'), 'error', 'path conflicts with systemd unit or dropin', 'ignition-path']]);
  });
  it('users: duplicates and id with name', () => {
    const text = config('"passwd":{"users":[{"name":"a"},{"name":"a"}]},"storage":{"directories":[{"path":"/d","user":{"id":1,"name":"a"}}]}');
    expect(ref(text).map((e) => [e[1], e[3]])).toEqual([
      [col(text, '{"name":"a"}', 2) + 1, 'duplicate entry defined'],
      [col(text, '{"id":1') + 1, 'cannot set both id and name'],
    ]);
  });
  it('TLS sources are required; proxies must be http(s)', () => {
    const text = config('').replace('"version":"3.4.0"', '"version":"3.4.0","security":{"tls":{"certificateAuthorities":[{}]}},"proxy":{"httpsProxy":"http://p"}');
    expect(ref(text).map((e) => [e[1], e[2], e[3]])).toEqual([
      [col(text, '{}') + 1, 'error', 'source is required'],
      [col(text, '"http://p"'), 'warning', 'insecure plaintext HTTP proxy specified for HTTPS resources'],
    ]);
  });
  it('unused keys at their key, and null where an object belongs', () => {
    const text = config('"storage":null,"systemd":{"unitz":[]}');
    expect(ref(text)).toEqual([
      [1, col(text, 'null'), 'warning', 'context tree does not match content tree at $.storage. Line and column reporting may be inconsistent. Unused keys may not be reported.', 'ignition-unknown-key'],
      [1, col(text, '"unitz"'), 'warning', 'Unused key unitz', 'ignition-unknown-key'],
    ]);
  });

  it('checks what each spec version checks: link targets from 3.3.0, TLS sources from 3.1.0', () => {
    const links = (v: string) => ref(config('"storage":{"links":[{"path":"/l"}]}', v)).map((e) => e[3]);
    expect(links('3.2.0')).toEqual([]);
    expect(links('3.3.0')).toEqual(['link target is required']);
    const tls = (v: string) => ref(config('', v).replace(`"${v}"}`, `"${v}","security":{"tls":{"certificateAuthorities":[{"source":"ftp://x"}]}}}`)).map((e) => [e[1], e[3]]);
    const text30 = config('', '3.0.0').replace('"3.0.0"}', '"3.0.0","security":{"tls":{"certificateAuthorities":[{"source":"ftp://x"}]}}}');
    expect(tls('3.0.0')).toEqual([[col(text30, '"ftp://x"'), 'invalid url scheme']]);
    const text31 = config('', '3.1.0').replace('"3.1.0"}', '"3.1.0","security":{"tls":{"certificateAuthorities":[{"source":"ftp://x"}]}}}');
    expect(tls('3.1.0')).toEqual([
      [col(text31, '{"source"') + 1, 'invalid url scheme'],
      [col(text31, '"ftp://x"'), 'invalid url scheme'],
    ]);
  });
});
