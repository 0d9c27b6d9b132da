import { describe, expect, it } from 'vitest';
import { DocumentCache } from './document-cache.ts';

const bytes = (n: number, fill = 1) => new Uint8Array(n).fill(fill);

describe('DocumentCache', () => {
  it('renders once per key; concurrent requests share the render', async () => {
    const cache = new DocumentCache(1000);
    let renders = 0;
    const render = async () => {
      renders += 1;
      await new Promise((r) => setTimeout(r, 20));
      return bytes(10);
    };
    const [a, b] = await Promise.all([cache.get('r1|3|document.docx|0|h', render), cache.get('r1|3|document.docx|0|h', render)]);
    expect(a).toBe(b);
    await cache.get('r1|3|document.docx|0|h', render);
    expect(renders).toBe(1);
    await cache.get('r1|3|document.docx|1|h', render);
    expect(renders).toBe(2);
  });

  it('keeps at most maxBytes, dropping the least recently used first', async () => {
    const cache = new DocumentCache(400);
    for (const k of ['a', 'b', 'c', 'd']) await cache.get(k, async () => bytes(100));
    await cache.get('a', async () => bytes(100, 2)); // a is used again: b is now the oldest
    await cache.get('e', async () => bytes(100));
    expect(cache.size).toEqual({ entries: 4, bytes: 400 });
    expect((await cache.get('a', async () => bytes(100, 9)))[0]).toBe(1);
    expect((await cache.get('b', async () => bytes(100, 9)))[0]).toBe(9);
  });

  it('does not keep a document larger than a quarter of the cache, nor a failed render', async () => {
    const cache = new DocumentCache(400);
    await cache.get('big', async () => bytes(101));
    await expect(cache.get('bad', async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
  });
});
