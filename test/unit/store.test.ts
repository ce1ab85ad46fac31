import { describe, expect, it } from 'vitest';
import { createStore } from '../../hexo-study-glossary/src/hexo/store.js';

function storeOf(yaml: string) {
  const store = createStore();
  store.setFile('source/_glossary/terms.yml', yaml);
  store.refresh();
  return store;
}

describe('store.lookup, for {% term %}', () => {
  const store = storeOf(['EKS:', '  summary: s', '  aliases: [Elastic Kubernetes Service]', 'Docker:', '  summary: d', '  case_sensitive: false', 'kubectl:', '  summary: k', '"Let\'s Encrypt":', '  summary: l', 'Straße:', '  summary: st', '  case_sensitive: false', ''].join('\n'));
  const keyOf = (name: string) => store.lookup(name)?.key;

  it('finds a term by its key or an alias, as written', () => {
    expect(keyOf('EKS')).toBe('EKS');
    expect(keyOf('Elastic Kubernetes Service')).toBe('EKS');
  });

  it('finds a term written in full-width forms or with typographic quotes, as the linker does', () => {
    expect(keyOf('ＥＫＳ')).toBe('EKS');
    expect(keyOf('Let’s Encrypt')).toBe("Let's Encrypt");
  });

  it('ignores case only for a term with case_sensitive: false', () => {
    expect(keyOf('docker')).toBe('Docker');
    expect(keyOf('ＤＯＣＫＥＲ')).toBe('Docker');
    expect(keyOf('eks')).toBeUndefined();
    expect(keyOf('KUBECTL')).toBeUndefined();
  });

  it('folds case as the matcher does: STRASSE is Straße', () => {
    expect(keyOf('STRASSE')).toBe('Straße');
    expect(keyOf('strasse')).toBe('Straße');
  });

  it('finds nothing for a name no term spells', () => {
    expect(keyOf('EK')).toBeUndefined();
    expect(keyOf('')).toBeUndefined();
  });
});
