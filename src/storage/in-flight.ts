/** The writes and deletes a store has started and not yet settled, so that `flush()` can wait for them. */
export class InFlight {
  readonly #operations = new Set<Promise<unknown>>();

  /** Tracks the operation from the first tick (so a flush started right after waits for it), and returns it. */
  track<T>(operation: Promise<T>): Promise<T> {
    this.#operations.add(operation);
    const forget = (): void => {
      this.#operations.delete(operation);
    };
    operation.then(forget, forget);
    return operation;
  }

  /** Resolves once every operation started before (or during) the call has settled. */
  async settled(): Promise<void> {
    while (this.#operations.size > 0) await Promise.allSettled([...this.#operations]);
  }
}
