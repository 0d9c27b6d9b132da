/**
 * Rendered documents of frozen versions (submitted, accepted, approved: their body and content
 * hash never change), kept by (report, version, kind, options) up to a total size, least recently
 * used first out. Concurrent requests for the same document share one render.
 */
export class DocumentCache {
  private readonly entries = new Map<string, Uint8Array>();
  private readonly pending = new Map<string, Promise<Uint8Array>>();
  private bytes = 0;

  constructor(readonly maxBytes = 64 * 1024 * 1024) {}

  async get(key: string, render: () => Promise<Uint8Array>): Promise<Uint8Array> {
    const hit = this.entries.get(key);
    if (hit) {
      // Re-inserted: a Map iterates in insertion order, so the first key is the least recent.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const running = this.pending.get(key);
    if (running) return running;
    const promise = render().then((bytes) => {
      this.put(key, bytes);
      return bytes;
    });
    this.pending.set(key, promise);
    try {
      return await promise;
    } finally {
      this.pending.delete(key);
    }
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private put(key: string, bytes: Uint8Array): void {
    // One document larger than a quarter of the cache would push out everything else.
    if (bytes.byteLength > this.maxBytes / 4) return;
    this.entries.set(key, bytes);
    this.bytes += bytes.byteLength;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.byteLength;
    }
  }
}
