/** coreos/go-semver's NewVersion, as Ignition reads `ignition.version`. */

export interface Semver {
  major: number;
  minor: number;
  patch: number;
  preRelease: string;
  metadata: string;
}

const IDENTIFIER = /^[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*$/;
/** strconv.ParseInt(s, 10, 64): an optional sign and decimal digits, within int64. */
const GO_INT = /^[+-]?[0-9]+$/;

function splitOff(s: string, delim: string): [string, string] {
  const i = s.indexOf(delim);
  return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + 1)];
}

/** The version, or undefined where go-semver refuses it. */
export function parseSemver(version: string): Semver | undefined {
  const [a, metadata] = splitOff(version, '+');
  const [b, preRelease] = splitOff(a, '-');
  const parts = b.split('.');
  if (parts.length < 3) return undefined;
  const dot = [parts[0], parts[1], parts.slice(2).join('.')];
  if (preRelease !== '' && !IDENTIFIER.test(preRelease)) return undefined;
  if (metadata !== '' && !IDENTIFIER.test(metadata)) return undefined;
  const nums: number[] = [];
  for (const d of dot) {
    if (!GO_INT.test(d)) return undefined;
    const n = BigInt(d);
    if (n > 9223372036854775807n || n < -9223372036854775808n) return undefined;
    nums.push(Number(n));
  }
  return { major: nums[0], minor: nums[1], patch: nums[2], preRelease, metadata };
}
