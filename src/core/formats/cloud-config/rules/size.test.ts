import { describe, expect, it } from 'vitest';
import { EC2_LIMIT } from './size';
import { findingsOf, H } from './testing';

/** A config of exactly `bytes` UTF-8 bytes. */
const ofSize = (bytes: number, fill = '#') => `${H}hostname: a\n${fill.repeat(bytes - H.length - 'hostname: a\n'.length)}`;

describe('user-data-size', () => {
  it('accepts 16384 bytes', () => {
    expect(findingsOf(ofSize(EC2_LIMIT), 'user-data-size')).toEqual([]);
  });

  it('notes one byte more, on line 1', () => {
    expect(findingsOf(ofSize(EC2_LIMIT + 1), 'user-data-size')).toEqual([
      {
        kind: 'info',
        message: "user-data is 16385 bytes, over EC2's limit of 16384 bytes (16 KB); on EC2, move large content out of the config (fetch it at boot instead)",
        line: 1, column: 1, endLine: 1, endColumn: 14,
      },
    ]);
  });

  it('counts UTF-8 bytes, not characters', () => {
    const text = `${H}hostname: a\n#${'é'.repeat(8200)}\n`;
    expect(text.length).toBeLessThan(EC2_LIMIT);
    expect(findingsOf(text, 'user-data-size')).toHaveLength(1);
  });
});
