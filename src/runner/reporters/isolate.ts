/**
 * Reporters are isolated (as Newman isolates its own): a reporter listens through its own view of an emitter, and
 * a listener of it that throws is caught, told once through `fail`, and the reporter hears nothing more. The run,
 * its verdict, the other reporters and the other environments go on.
 */
import type { EventEmitter } from 'node:events';

type Listener = (...args: any[]) => unknown;

/** `emitter` as one reporter sees it: the same object (reads go through), with its listeners guarded. */
export function isolatedView<E extends EventEmitter>(emitter: E, fail: (error: unknown) => void): E {
  let failed = false;
  const guard = (listener: Listener): Listener =>
    function (this: unknown, ...args: unknown[]) {
      if (failed) return undefined;
      try {
        return listener.apply(this, args);
      } catch (error) {
        failed = true;
        fail(error);
        return undefined;
      }
    };
  const view = Object.create(emitter) as E;
  for (const method of ['on', 'addListener', 'once', 'prependListener', 'prependOnceListener'] as const) {
    Object.defineProperty(view, method, {
      value: (event: string | symbol, listener: Listener) => {
        (emitter[method] as (event: string | symbol, listener: Listener) => E).call(emitter, event, guard(listener));
        return view;
      },
    });
  }
  return view;
}
