import { describe, expect, it } from 'vitest';
import { shapeAt } from './shape';
import { targetNotes } from './target-notes';

describe('where Flatcar and CoreOS read a key differently', () => {
  it('a bool field: YAML 1.1 words', () => {
    const [note] = targetNotes(shapeAt(['coreos', 'units', 0, 'enable']), 'enable');
    expect(note).toMatch(/^Flatcar reads only true\/false as booleans/);
  });

  it('a key with "_": its dashed spelling', () => {
    expect(targetNotes(shapeAt(['coreos', 'update', 'reboot_strategy']), 'reboot_strategy')).toEqual([
      'Flatcar reads only "reboot_strategy"; CoreOS also read "reboot-strategy".',
    ]);
  });

  it('nothing for a key both read alike, or no key at all', () => {
    expect(targetNotes(shapeAt(['hostname']), 'hostname')).toEqual([]);
    expect(targetNotes(undefined, 'bogus')).toEqual([]);
  });
});
