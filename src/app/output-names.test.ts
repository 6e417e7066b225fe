import { describe, expect, it } from 'vitest';
import { outputFileName } from './output-names';

describe('outputFileName', () => {
  it('keeps the source name and changes its extension', () => {
    expect(outputFileName('node-1.bu', 'ign')).toBe('node-1.ign');
    expect(outputFileName('user-data.yaml', 'bu')).toBe('user-data.bu');
    expect(outputFileName('etc.d.node.yml', 'ign')).toBe('etc.d.node.ign');
    expect(outputFileName('user-data', 'bu')).toBe('user-data.bu');
  });

  it('is config.<ext> for text from no file', () => {
    expect(outputFileName(undefined, 'ign')).toBe('config.ign');
    expect(outputFileName('.bu', 'ign')).toBe('config.ign');
  });
});
