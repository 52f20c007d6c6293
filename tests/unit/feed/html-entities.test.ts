import { decodeHTML } from 'entities';
import { describe, expect, it } from 'vitest';
import { htmlEntity, htmlEntityNames } from '../../../src/core/feed/html-entities';

describe('the built-in HTML entity table', () => {
  it('holds the 253 HTML 4 names, each decoding as the entities library decodes it', () => {
    const names = htmlEntityNames();
    expect(names).toHaveLength(253);
    for (const name of names) expect([name, htmlEntity(name)]).toEqual([name, decodeHTML(`&${name};`)]);
  });

  it('knows nothing beyond it', () => {
    expect(htmlEntity('gtgt')).toBeUndefined();
    expect(htmlEntity('constructor')).toBeUndefined();
  });
});
