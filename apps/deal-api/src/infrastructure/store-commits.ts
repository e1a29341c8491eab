/** Hears the embedded store's group commits in this process: the projections worker reads at once instead of polling. */
export class StoreCommits {
  private readonly listeners = new Set<() => void>();

  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  committed(): void {
    for (const listener of this.listeners) listener();
  }
}
