import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyTextEdit, type TextEdit } from '../core/text/common-ends';
import type { ValidateRequest, ValidateResponse } from '../worker/protocol';
import { FakeWorker as BaseFakeWorker } from './fake-worker';
import { EDIT_MIN_CHARS, INLINE_MAX_CHARS, INLINE_MAX_MS, timeBudget, ValidationClient, type ValidationInput } from './validation-client';

/** A validation worker that answers only when told to. */
class FakeWorker extends BaseFakeWorker<ValidateRequest> {
  answer(request = this.posted[this.posted.length - 1], ms = 1) {
    this.reply({ id: request.id, kind: 'cloud-config', entries: [], total: 0, counts: { error: 0, warning: 0, info: 0 }, ms } satisfies ValidateResponse);
  }
}

describe('ValidationClient', () => {
  let workers: FakeWorker[];
  let input: ValidationInput;
  let results: number[];
  let timeouts: number[];
  let failures: string[];
  let client: ValidationClient;

  beforeEach(() => {
    vi.useFakeTimers();
    workers = [];
    input = { text: 'a', rules: 'all', target: 'flatcar' };
    results = [];
    timeouts = [];
    failures = [];
    client = new ValidationClient(
      () => input,
      { result: (r) => results.push(r.id), timeout: (ms) => timeouts.push(ms), busy: () => {}, failure: (m) => failures.push(m) },
      () => {
        const w = new FakeWorker();
        workers.push(w);
        return w;
      },
    );
  });
  afterEach(() => {
    client.dispose();
    vi.useRealTimers();
  });

  it('sends at once when the worker is idle', () => {
    client.invalidate();
    expect(workers[0].posted).toEqual([{ id: 1, text: 'a', rules: 'all', target: 'flatcar' }]);
    workers[0].answer();
    expect(results).toEqual([1]);
  });

  it('coalesces edits made during a run into one run of the latest text, dropping the stale result', () => {
    client.invalidate();
    input = { text: 'ab', rules: 'all', target: 'flatcar' };
    client.invalidate();
    input = { text: 'abc', rules: 'reference', target: 'coreos' };
    client.invalidate();
    expect(workers[0].posted).toHaveLength(1);
    workers[0].answer();
    expect(results).toEqual([]);
    expect(workers[0].posted[1]).toEqual({ id: 2, text: 'abc', rules: 'reference', target: 'coreos' });
    workers[0].answer();
    expect(results).toEqual([2]);
  });

  it('replaces a stuck worker and does not retry the text that stuck it', () => {
    client.invalidate();
    vi.advanceTimersByTime(timeBudget(1) + 1);
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(timeouts).toEqual([3000]);
    expect(workers[1].posted).toEqual([]);
    client.invalidate();
    workers[1].answer();
    expect(results).toEqual([2]);
  });

  it('ignores a late answer from a replaced worker', () => {
    client.invalidate();
    const first = workers[0].posted[0];
    vi.advanceTimersByTime(3001);
    client.invalidate();
    workers[0].answer(first);
    expect(results).toEqual([]);
  });

  it('reports a run the worker could not make (a format whose code did not load) and takes the next edit', () => {
    client.invalidate();
    workers[0].reply({ id: 1, failure: 'its code for this format did not load (offline)' });
    expect(failures).toEqual(['its code for this format did not load (offline)']);
    expect(results).toEqual([]);
    input = { text: 'b', rules: 'all', target: 'flatcar' };
    client.invalidate();
    expect(workers[0].posted.at(-1)).toEqual({ id: 2, text: 'b', rules: 'all', target: 'flatcar' });
    workers[0].answer();
    expect(results).toEqual([2]);
  });

  it('sends a big text as the edit of the one the worker holds, and whole to a new worker', () => {
    const big = 'k: v\n'.repeat(EDIT_MIN_CHARS / 5 + 1);
    input = { text: big, rules: 'all', target: 'flatcar' };
    client.invalidate();
    expect(workers[0].posted[0]).toEqual({ id: 1, text: big, rules: 'all', target: 'flatcar' });
    workers[0].answer();
    input = { text: big.replace('k: v', 'k: w'), rules: 'all', target: 'flatcar' };
    client.invalidate();
    expect(workers[0].posted[1]).toEqual({ id: 2, rules: 'all', target: 'flatcar', edit: { base: 1, from: 3, to: 4, insert: 'w' } });
    vi.advanceTimersByTime(timeBudget(big.length) + 1); // stuck: a new worker holds nothing yet
    input = { text: big, rules: 'all', target: 'flatcar' };
    client.invalidate();
    expect(workers[1].posted[0]).toEqual({ id: 3, text: big, rules: 'all', target: 'flatcar' });
  });

  it('takes a big text’s edit from the page’s history of it where that knows it, and compares the texts where not', () => {
    const big = 'k: v\n'.repeat(EDIT_MIN_CHARS / 5 + 1);
    const asked: [number, number][] = [];
    // A history that knows the edits from version 1 on, given wider than they are (as an editor's can be).
    const history = {
      edit(from: number, to: number): TextEdit | undefined {
        asked.push([from, to]);
        return from >= 1 ? { from: 0, to: 4, insert: input.text.slice(0, 4) } : undefined;
      },
    };
    input = { text: big, version: 1, history, rules: 'all', target: 'flatcar' };
    client.invalidate();
    workers[0].answer();
    input = { text: big.replace('k: v', 'k: w'), version: 2, history, rules: 'all', target: 'flatcar' };
    client.invalidate();
    expect(asked).toEqual([[1, 2]]);
    expect(workers[0].posted[1]).toMatchObject({ edit: { base: 1, from: 0, to: 4, insert: 'k: w' } });
    workers[0].answer();
    // Version 0 is not known to the history: the texts are compared, giving the smallest edit.
    client.dispose();
    client = new ValidationClient(() => input, { result: () => {}, timeout: () => {}, busy: () => {}, failure: () => {} }, () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    });
    input = { text: big, version: 0, history, rules: 'all', target: 'flatcar' };
    client.invalidate();
    workers[1].answer();
    input = { text: big.replace('k: v', 'k: x'), version: 2, history, rules: 'all', target: 'flatcar' };
    client.invalidate();
    expect(asked.at(-1)).toEqual([0, 2]);
    expect(workers[1].posted[1]).toMatchObject({ edit: { base: 1, from: 3, to: 4, insert: 'x' } });
  });

  it('gives big inputs a longer budget', () => {
    expect(timeBudget(1000)).toBe(3000);
    expect(timeBudget(1 << 20)).toBe(8192);
    expect(timeBudget(5 << 20)).toBe(40960);
  });

  describe('on the page’s thread', () => {
    let inlineRuns: ValidateRequest[];
    let inlineMs: number;
    const settle = () => new Promise<void>((resolve) => queueMicrotask(resolve));
    beforeEach(() => {
      inlineRuns = [];
      inlineMs = 1;
      client.enableInline((request) => {
        inlineRuns.push(request);
        return { id: request.id, kind: 'cloud-config', entries: [], total: 0, counts: { error: 0, warning: 0, info: 0 }, ms: inlineMs };
      });
    });

    it('validates a small text inline once a run has shown it is quick, in the same task’s microtasks', async () => {
      client.invalidate();
      expect(workers[0].posted).toHaveLength(1);
      workers[0].answer();
      input = { text: 'ab', rules: 'all', target: 'coreos' };
      client.invalidate();
      client.invalidate();
      expect(inlineRuns).toEqual([]);
      await settle();
      expect(inlineRuns).toEqual([{ id: 2, text: 'ab', rules: 'all', target: 'coreos' }]);
      expect(results).toEqual([1, 2]);
      expect(workers[0].posted).toHaveLength(1);
    });

    it('sends to the worker what is big, slow, or holds an anchor', async () => {
      client.invalidate();
      workers[0].answer();
      for (const text of ['x'.repeat(INLINE_MAX_CHARS + 1), 'a: &x [1]\nb: *x\n']) {
        input = { text, rules: 'all', target: 'flatcar' };
        client.invalidate();
        await settle();
        expect(workers[0].posted.at(-1)?.text).toBe(text);
        workers[0].answer();
      }
      expect(inlineRuns).toEqual([]);

      // One slow run (a garbage collection, say) is forgiven; two in a row send the text away.
      inlineMs = INLINE_MAX_MS + 1;
      for (const text of ['slow', 'slow again']) {
        input = { text, rules: 'all', target: 'flatcar' };
        client.invalidate();
        await settle();
      }
      expect(inlineRuns.map((r) => r.text)).toEqual(['slow', 'slow again']);
      input = { text: 'slow!', rules: 'all', target: 'flatcar' };
      client.invalidate();
      await settle();
      expect(workers[0].posted.at(-1)?.text).toBe('slow!');
      expect(inlineRuns).toHaveLength(2);
    });

    it('takes a warm run on the page’s thread for a run that shows it is quick', async () => {
      const fresh = new ValidationClient(() => input, { result: (r) => results.push(r.id), timeout: () => {}, busy: () => {}, failure: () => {} }, () => {
        const w = new FakeWorker();
        workers.push(w);
        return w;
      });
      fresh.enableInline((request) => (inlineRuns.push(request), { id: request.id, kind: 'cloud-config', entries: [], total: 0, counts: { error: 0, warning: 0, info: 0 }, ms: 1 }), undefined, 3);
      input = { text: 'ab', rules: 'all', target: 'flatcar' };
      expect(fresh.checkNow()).toMatchObject({ id: 1 }); // no worker run needed first
      expect(workers.at(-1)!.posted).toEqual([]);
      const slow = new ValidationClient(() => input, { result: () => {}, timeout: () => {}, busy: () => {}, failure: () => {} }, () => new FakeWorker());
      slow.enableInline((request) => (inlineRuns.push(request), undefined), undefined, INLINE_MAX_MS + 1);
      expect(slow.checkNow()).toBeUndefined();
      expect(inlineRuns).toHaveLength(1);
      fresh.dispose();
      slow.dispose();
    });

    it('sends to the worker a text whose format has yet to load on the page', async () => {
      client.invalidate();
      workers[0].answer();
      client.enableInline((request) => (inlineRuns.push(request), undefined));
      input = { text: '{"ignition": {"version": "3.5.0"}}', rules: 'all', target: 'flatcar' };
      client.invalidate();
      await settle();
      expect(inlineRuns.map((r) => r.text)).toEqual([input.text]);
      expect(workers[0].posted.at(-1)).toMatchObject({ text: input.text });
      workers[0].answer();
      expect(results).toEqual([1, workers[0].posted.at(-1)!.id]);
    });

    it('checkNow returns a quick text’s result at once, without reporting it, and leaves the rest to the worker', () => {
      expect(client.checkNow()).toBeUndefined(); // no run has shown yet that the validator is quick
      expect(workers[0].posted).toHaveLength(1);
      workers[0].answer();
      input = { text: 'ab', rules: 'all', target: 'flatcar' };
      expect(client.checkNow()).toMatchObject({ id: 2 });
      expect(inlineRuns.map((r) => r.text)).toEqual(['ab']);
      expect(results).toEqual([1]);

      input = { text: 'x'.repeat(INLINE_MAX_CHARS + 1), rules: 'all', target: 'flatcar' };
      expect(client.checkNow()).toBeUndefined();
      expect(workers[0].posted.at(-1)?.text).toBe(input.text);
      // While that run is out, a small text waits for it too.
      input = { text: 'small', rules: 'all', target: 'flatcar' };
      expect(client.checkNow()).toBeUndefined();
      workers[0].answer();
      expect(workers[0].posted.at(-1)?.text).toBe('small');
      expect(inlineRuns).toHaveLength(1);
    });

    it('does not run inline while the worker has a run in flight', async () => {
      client.invalidate();
      workers[0].answer(workers[0].posted[0], 1);
      input = { text: 'x'.repeat(INLINE_MAX_CHARS + 1), rules: 'all', target: 'flatcar' };
      client.invalidate();
      await settle();
      input = { text: 'small again', rules: 'all', target: 'flatcar' };
      client.invalidate();
      await settle();
      expect(inlineRuns).toEqual([]);
      workers[0].answer();
      expect(workers[0].posted.at(-1)?.text).toBe('small again');
    });
  });

  describe('estimates for big texts', () => {
    const big = (c: string) => c.repeat(INLINE_MAX_CHARS + 1);
    let estimates: { before: string; text: string }[];
    let estimated: number;
    beforeEach(() => {
      estimates = [];
      estimated = 0;
      client.enableInline(
        () => undefined,
        (before, _request, change) => {
          const text = applyTextEdit(before.request.text, change);
          estimates.push({ before: before.request.text, text });
          if (text.endsWith('!')) return undefined;
          estimated++;
          return { id: -1, kind: 'cloud-config', entries: [], total: 0, counts: { error: 0, warning: 0, info: 0 }, ms: 1 };
        },
      );
    });
    const edit = (text: string) => {
      input = { text, rules: 'all', target: 'flatcar' };
      return client.checkNow(text.length);
    };

    it('reports an estimate for an edit of a big text in the next task, from the last completed run, then the worker’s answer', () => {
      expect(edit(big('a'))).toBeUndefined();
      expect(workers[0].posted).toHaveLength(1); // nothing completed yet to start from: straight to the worker
      workers[0].answer();
      expect(results).toEqual([1]);

      expect(edit(big('b'))).toBeUndefined();
      expect(edit(big('c'))).toBeUndefined();
      expect(estimates).toEqual([]); // not within the edit's task
      expect(workers[0].posted).toHaveLength(1);
      vi.advanceTimersByTime(0);
      expect(estimates).toEqual([{ before: big('a'), text: big('c') }]); // one for the latest text
      expect(results).toEqual([1, -1]);
      expect(workers[0].posted.at(-1)?.text).toBe(big('c'));
      workers[0].answer();
      expect(results).toEqual([1, -1, 2]);
    });

    it('returns the estimates after the first from a run at once, for the edit’s own update, and the first from a new run in a task again', () => {
      expect(edit(big('a'))).toBeUndefined();
      workers[0].answer();
      expect(edit(big('b'))).toBeUndefined(); // the first from this run reads its text whole: next task
      vi.advanceTimersByTime(0);
      expect(results).toEqual([1, -1]);
      // The worker has big('b'); the next edits are estimated at once and wait for it.
      expect(edit(big('c'))).toMatchObject({ id: -1 });
      expect(edit(big('d'))).toMatchObject({ id: -1 });
      expect(estimates.slice(1)).toEqual([
        { before: big('a'), text: big('c') },
        { before: big('a'), text: big('d') },
      ]);
      expect(results).toEqual([1, -1]); // returned, not reported
      expect(workers[0].posted).toHaveLength(2);
      workers[0].answer(); // for big('b'), stale: the latest text goes out
      expect(workers[0].posted.at(-1)?.text).toBe(big('d'));
      workers[0].answer();
      expect(results).toEqual([1, -1, 3]);
      // A new complete run: its first estimate is in a task of its own again.
      expect(edit(big('e'))).toBeUndefined();
      vi.advanceTimersByTime(0);
      expect(estimates.at(-1)).toEqual({ before: big('d'), text: big('e') });
      expect(results).toEqual([1, -1, 3, -1]);
      // Sent at once, the worker being free.
      expect(workers[0].posted.at(-1)?.text).toBe(big('e'));
    });

    it('starts from a run made stale by edits, and sends the text on when there is no estimate', () => {
      input = { text: big('a'), rules: 'all', target: 'flatcar' };
      client.invalidate();
      input = { text: big('b'), rules: 'all', target: 'flatcar' };
      client.invalidate();
      workers[0].answer(); // for big('a'), now stale: not reported, but complete for its text
      expect(results).toEqual([]);
      edit(big('c'));
      workers[0].answer(); // for big('b'): stale too; big('c') goes out with it
      vi.advanceTimersByTime(0);
      expect(estimates).toEqual([]); // the worker has the latest text: no estimate needed
      edit(big('d') + '!');
      vi.advanceTimersByTime(0);
      expect(estimates.at(-1)).toEqual({ before: big('b'), text: big('d') + '!' });
      expect(estimated).toBe(0);
      workers[0].answer();
      expect(workers[0].posted.at(-1)?.text).toBe(big('d') + '!');
    });

    it('leaves small texts to exact runs', () => {
      input = { text: big('a'), rules: 'all', target: 'flatcar' };
      client.invalidate();
      workers[0].answer();
      expect(edit('small')).toBeUndefined();
      vi.advanceTimersByTime(0);
      expect(estimates).toEqual([]);
      expect(workers[0].posted.at(-1)?.text).toBe('small');
    });
  });
});
