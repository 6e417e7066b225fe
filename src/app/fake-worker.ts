import type { WorkerLike } from './validation-client';

/** For the clients' tests: a worker that records what it is sent and answers only when told to. */
export class FakeWorker<Request> implements WorkerLike {
  posted: Request[] = [];
  terminated = false;
  private listeners = new Map<string, (e: unknown) => void>();
  postMessage(message: Request) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  addEventListener(type: string, listener: (e: unknown) => void) {
    this.listeners.set(type, listener);
  }
  /** Delivers a message from the worker. */
  reply(data: unknown) {
    this.listeners.get('message')!({ data });
  }
}
