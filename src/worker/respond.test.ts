import { describe, expect, it, vi } from 'vitest';
import { textEdit } from '../core/text/common-ends';
import { respond, respondToEdit } from './respond';

const butane = (version: string, extra = '') =>
  `variant: flatcar\nversion: ${version}\nstorage:\n  files:\n    - path: /etc/hostname\n      contents:\n        inline: node-1\n${extra}`;
const run = (text: string) => respond({ id: 1, text, rules: 'all', target: 'flatcar' });

describe('respond', () => {
  it('sends a Butane config’s Ignition as JSON text, of the spec its version translates to', async () => {
    for (const [version, spec] of [
      ['1.1.0', '3.4.0'],
      ['1.0.0', '3.3.0'],
    ]) {
      const response = await run(butane(version));
      expect(response.kind).toBe('butane');
      const ignition = JSON.parse(response.ignition!);
      expect(ignition.ignition.version).toBe(spec);
      expect(ignition.storage.files[0]).toMatchObject({ path: '/etc/hostname', contents: { source: 'data:,node-1' } });
      expect(response.ignition).toBe(`${JSON.stringify(ignition, null, 2)}\n`);
    }
  });

  it('sends none when Butane would refuse the config, nor for other kinds', async () => {
    const refused = await run(butane('1.1.0', '      mode: big\n'));
    expect(refused.counts.error).toBe(1);
    expect(refused).not.toHaveProperty('ignition');
    expect(await run('#cloud-config\nhostname: a\n')).not.toHaveProperty('ignition');
    expect(await run('{"ignition": {"version": "3.4.0"}}')).not.toHaveProperty('ignition');
  });
});

describe('respondLoaded', () => {
  it('answers only once the format’s code has loaded, and then as respond does', async () => {
    // A fresh module instance, so no format has loaded yet.
    vi.resetModules();
    const fresh = await import('./respond');
    const request = { id: 3, text: '{"ignition": {"version": "3.4.0"}, "storage": {"files": [{"path": "etc/x"}]}}', rules: 'all', target: 'flatcar' } as const;
    expect(fresh.respondLoaded(request)).toBeUndefined();
    const loaded = await fresh.respond(request);
    const again = fresh.respondLoaded(request);
    expect(again).toBeDefined();
    expect({ ...again, ms: 0 }).toEqual({ ...loaded, ms: 0 });
    expect(loaded.entries.map((e) => [e.rule, e.line, e.column])).toContainEqual(['ignition-path', 1, request.text.indexOf('"etc/x"') + 1]);
    // Another format still has to load.
    expect(fresh.respondLoaded({ ...request, text: butane('1.1.0') })).toBeUndefined();
  });

  it('answers an edit of a large cloud-config from the answer before it, as the whole text’s answer would be', async () => {
    let big = '#cloud-config\ncoreos:\n  update:\n    reboot_strategy: off\nwrite_files:\n';
    for (let i = 0; i < 400; i++) big += `  - path: /etc/app/${i}.conf\n    content: |\n      setting=${i}\n`;
    const request = { id: 1, text: big, rules: 'all' as const, target: 'flatcar' as const };
    const before = { request, response: await respond(request) };
    const edited = { ...request, id: 2, text: big.replace('reboot_strategy: off', 'reboot_strategy: offf') };
    const estimate = respondToEdit(before, edited, textEdit(big, edited.text));
    const whole = await respond(edited);
    expect(estimate).toEqual({ ...whole, ms: estimate!.ms });
    expect(whole.counts.error).toBe(1);
    // Undoing the edit gives back the answer before it.
    expect(respondToEdit({ request: edited, response: whole }, { ...request, id: 3 }, textEdit(edited.text, big))).toEqual({ ...before.response, id: 3, ms: expect.any(Number) });
    // An edit given wider than it is (as an editor's changes can be) is answered the same.
    const at = big.indexOf('reboot_strategy');
    const wide = { from: at - 9, to: at + 20, insert: edited.text.slice(at - 9, at + 21) };
    expect(respondToEdit(before, edited, wide)).toEqual({ ...whole, ms: expect.any(Number) });
    // None for the reference set, nor across a change of options or of format.
    expect(respondToEdit(before, { ...edited, rules: 'reference' }, textEdit(big, edited.text))).toBeUndefined();
    expect(respondToEdit(before, { ...edited, target: 'coreos' }, textEdit(big, edited.text))).toBeUndefined();
    expect(respondToEdit(before, edited, textEdit(big, `{"ignition": {"version": "3.4.0"}, "x": "${big.slice(0, 100)}"}`))).toBeUndefined();
  });
});
