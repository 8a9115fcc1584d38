/** `vscode.EventEmitter`, `Disposable` and `CancellationTokenSource`, with VS Code's semantics. */
export type Listener<T> = (event: T) => unknown;
export type Event<T> = (listener: Listener<T>, thisArg?: unknown, disposables?: Disposable[]) => Disposable;

export class Disposable {
  private disposed = false;

  constructor(private readonly onDispose: () => unknown) {}

  static from(...items: Array<{ dispose(): unknown }>): Disposable {
    return new Disposable(() => items.forEach((item) => item.dispose()));
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.onDispose();
  }
}

export class EventEmitter<T> {
  private readonly listeners = new Set<Listener<T>>();
  private disposed = false;

  readonly event: Event<T> = (listener, thisArg, disposables) => {
    const bound: Listener<T> = thisArg === undefined ? listener : listener.bind(thisArg);
    if (!this.disposed) this.listeners.add(bound);
    const subscription = new Disposable(() => this.listeners.delete(bound));
    disposables?.push(subscription);
    return subscription;
  };

  /** Not in VS Code's API: lets a test see that a listener was removed. */
  get listenerCount(): number {
    return this.listeners.size;
  }

  /** A listener that throws does not stop the others (VS Code logs it and goes on). */
  fire(event: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        console.error("a listener threw:", error);
      }
    }
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }
}

export interface CancellationToken {
  readonly isCancellationRequested: boolean;
  readonly onCancellationRequested: Event<void>;
}

export class CancellationTokenSource {
  private readonly emitter = new EventEmitter<void>();
  private cancelled = false;
  readonly token: CancellationToken;

  constructor() {
    const isCancelled = () => this.cancelled;
    const emitter = this.emitter;
    this.token = {
      get isCancellationRequested() {
        return isCancelled();
      },
      onCancellationRequested: (listener, thisArg, disposables) => {
        // A token that is already cancelled calls late listeners too, soon after (as VS Code's does).
        if (isCancelled()) {
          const timer = setTimeout(() => listener.call(thisArg, undefined), 0);
          return new Disposable(() => clearTimeout(timer));
        }
        return emitter.event(listener, thisArg, disposables);
      },
    };
  }

  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    this.emitter.fire();
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
