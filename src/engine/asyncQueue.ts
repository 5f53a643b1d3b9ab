/**
 * A push-to-pull bridge: concurrent node executions push events, one async generator pulls.
 * Each run owns its own queue, so concurrent runs never share a buffer.
 */
export class AsyncQueue<T> implements AsyncIterable<T> {
  // Read by index, not shift(): a fast producer can queue thousands of events, and
  // shifting a long array is O(n) per event (this made a 200-node benchmark quadratic).
  private items: T[] = [];
  private head = 0;
  private waiting: ((result: IteratorResult<T>) => void) | null = null;
  private closed = false;

  push(item: T): void {
    if (this.closed) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: item, done: false });
    } else {
      this.items.push(item);
    }
  }

  close(): void {
    this.closed = true;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: undefined, done: true });
    }
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return {
      next: () => {
        if (this.head < this.items.length) {
          const item = this.items[this.head++] as T;
          if (this.head === this.items.length) {
            this.items = [];
            this.head = 0;
          }
          return Promise.resolve({ value: item, done: false });
        }
        if (this.closed) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => {
          this.waiting = resolve;
        });
      },
    };
  }
}
