import { describe, expect, it } from 'vitest';
import { collisions, scopeClass, selectors } from '../../../scripts/check-css';

describe('the CSS scope check', () => {
  it('reads the selectors of rules at any depth, skipping at-rule preludes, keyframe steps and comments', () => {
    const css = `/* .ghost { } */ .a, .b > img { x: 1 } @media (min-width: 10px) { .c:is(.d, .e) { y: 2 } }
      @keyframes k { from { o: 0 } 50% { o: 1 } }`;
    expect(selectors(css)).toEqual(['.a', '.b > img', '.c:is(.d, .e)']);
  });

  it('scopes a selector by its first class, after a leading element, :root or attribute', () => {
    expect(scopeClass('.latest-row .episode-row')).toBe('latest-row');
    expect(scopeClass('button.icon-button:hover')).toBe('icon-button');
    expect(scopeClass('[data-theme=dark] .card')).toBe('card');
    expect(scopeClass('body')).toBeNull();
    expect(scopeClass('dialog::backdrop')).toBeNull();
  });

  it('flags a class two stylesheets both start rules with, and allows styling another file’s class inside an own scope', () => {
    const files = new Map([
      ['library.css', '.artwork { border-radius: 4px } .show-card .title { }'],
      ['player.css', '.artwork img { display: block } .mini .title { }'],
      ['latest.css', '.latest-row .artwork { width: 48px }'],
    ]);
    expect(collisions(files)).toEqual(['.artwork starts rules in library.css and player.css']);
    files.set('player.css', '.mini .artwork img { display: block }');
    expect(collisions(files)).toEqual([]);
  });
});
