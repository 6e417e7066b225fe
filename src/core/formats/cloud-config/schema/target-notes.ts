import type { Shape } from './shape';

/**
 * Where Flatcar's coreos-cloudinit (yaml.v3) and CoreOS's (go-yaml v1) read a key differently,
 * for hover docs and the JSON Schema. Empty when both read it alike. (That a value of the wrong
 * type makes Flatcar reject the whole file holds for every key; the schema says it once.)
 */
export function targetNotes(shape: Shape | undefined, key?: string): string[] {
  if (!shape) return [];
  const notes: string[] = [];
  if (shape.goType === 'bool') {
    notes.push(
      'Flatcar reads only true/false as booleans: yes/no/on/off still set this field at boot, but its validator warns; CoreOS read them as booleans.',
    );
  }
  if (key?.includes('_')) notes.push(`Flatcar reads only "${key}"; CoreOS also read "${key.replace(/_/g, '-')}".`);
  return notes;
}
