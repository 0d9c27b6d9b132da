import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../src/documents/import/xml-entities.ts';

describe('decodeEntities', () => {
  it('reads named, decimal and hex references, and leaves a reference to no character as written', () => {
    expect(decodeEntities('A &amp; B &lt;1&gt; &quot;x&quot; &apos;y&apos; &#7841;&#x1EA1;&nbsp;')).toBe('A & B <1> "x" \'y\' ạạ\u00a0');
    expect(decodeEntities('&#99999999; &#x110000; &unknown;')).toBe('&#99999999; &#x110000; &unknown;');
  });
});
