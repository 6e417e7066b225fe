/** butane's CheckForDecimalMode, shared by the Butane and Ignition checks: a mode that reads as typical only when its digits are octal. */

function decimalModeToOctal(mode: number): number | undefined {
  if (mode < 0 || mode > 7777) return undefined;
  let out = 0;
  for (let divisor = 1000; divisor > 0; divisor = Math.floor(divisor / 10)) {
    const digit = Math.floor(mode / divisor) % 10;
    if (digit > 7) return undefined;
    out = (out << 3) | digit;
  }
  return out;
}

/** Whether permissions look like ones people set (butane's isTypicalMode). */
export function isTypicalMode(mode: number, directory: boolean): boolean {
  if (mode === 0) return true;
  const perms = [mode & 0o7, (mode & 0o70) >> 3, (mode & 0o700) >> 6];
  let hadR = false;
  let hadW = false;
  let hadX = false;
  for (const perm of perms) {
    const r = (perm & 4) !== 0;
    const w = (perm & 2) !== 0;
    const x = (perm & 1) !== 0;
    // A more specific class has every bit of a less specific one.
    if ((!r && hadR) || (!w && hadW) || (!x && hadX)) return false;
    if (x && hadR && !hadX) return false;
    if ((w || x) && !r) return false;
    hadR ||= r;
    hadW ||= w;
    hadX ||= x;
  }
  if (!hadR) return false;
  if (directory) {
    if (!hadX) return false;
    if (mode & 0o4000) return false;
    if (mode & 0o3000 && !hadW) return false;
  } else {
    if (mode & 0o6000) {
      if (!hadX) return false;
      if (mode & 2) return false;
    }
    if (mode & 0o1000) return false;
  }
  return true;
}

export function checkForDecimalMode(mode: number, directory: boolean): boolean {
  const corrected = decimalModeToOctal(mode);
  return corrected !== undefined && !isTypicalMode(mode, directory) && isTypicalMode(corrected, directory);
}

/**
 * A script's mode with the execute bit wherever read is allowed (0644 → 0755, 0600 → 0700): it
 * can then be run, and no one gains read access.
 */
export const withExecWhereReadable = (mode: number): number => mode | ((mode & 0o444) >> 2);
