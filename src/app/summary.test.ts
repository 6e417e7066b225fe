import { describe, expect, it } from 'vitest';
import { countsText, summaryText } from './summary';

const counts = (error = 0, warning = 0, info = 0) => ({ error, warning, info });

describe('summaryText', () => {
  it('calls a config without findings valid', () => {
    expect(summaryText('cloud-config', counts())).toBe('Valid cloud-config');
  });

  it('still calls a config with only warnings valid, and counts them', () => {
    expect(summaryText('cloud-config', counts(0, 2))).toBe('Valid cloud-config, with 2 warnings');
    expect(summaryText('cloud-config', counts(0, 1, 1))).toBe('Valid cloud-config, with 1 warning, 1 info');
  });

  it('counts errors first', () => {
    expect(summaryText('cloud-config', counts(2, 1))).toBe('2 errors, 1 warning');
    expect(summaryText('unknown', counts(1))).toBe('1 error');
  });

  it('says what other inputs are, and which of them go unchecked', () => {
    expect(summaryText('script', counts())).toBe('Script: not checked');
    expect(summaryText('ignition', counts())).toBe('Valid Ignition config');
    expect(summaryText('butane', counts(0, 1))).toBe('Valid Butane config, with 1 warning');
    expect(summaryText('multipart', counts())).toBe('Valid multipart MIME user-data');
    expect(summaryText('empty', counts())).toBe('Empty');
  });
});

describe('countsText', () => {
  it('leaves out zero counts', () => {
    expect(countsText(counts(0, 0, 3))).toBe('3 info');
    expect(countsText(counts())).toBe('');
  });
});
