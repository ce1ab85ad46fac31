import { describe, expect, it } from 'vitest';
import { defaultGenerateConcurrency, registerGenerateConcurrency } from '../../hexo-study-glossary/src/hexo/generate-concurrency.js';

/** The parts of Hexo the registration reads: the command line and the console aliases. */
function fakeHexo(cmd: string, args: Record<string, unknown>) {
  const alias: Record<string, string> = { g: 'generate', generate: 'generate', s: 'server', server: 'server', d: 'deploy', deploy: 'deploy' };
  return { env: { cmd, args }, extend: { console: { alias } } };
}

describe('registerGenerateConcurrency', () => {
  it.each(['generate', 'g', 'deploy'])('limits `hexo %s` to a few pages at a time', (cmd) => {
    const args: Record<string, unknown> = { _: [] };
    registerGenerateConcurrency(fakeHexo(cmd, args) as never);
    expect(args['concurrency']).toBe(defaultGenerateConcurrency);
  });

  it('leaves a -c or --concurrency from the command line alone', () => {
    const short: Record<string, unknown> = { _: [], c: 4 };
    registerGenerateConcurrency(fakeHexo('g', short) as never);
    expect(short).toEqual({ _: [], c: 4 });
    const long: Record<string, unknown> = { _: [], concurrency: 'Infinity' };
    registerGenerateConcurrency(fakeHexo('generate', long) as never);
    expect(long).toEqual({ _: [], concurrency: 'Infinity' });
  });

  it('does nothing for other commands', () => {
    const args: Record<string, unknown> = { _: [] };
    registerGenerateConcurrency(fakeHexo('server', args) as never);
    registerGenerateConcurrency(fakeHexo('', args) as never);
    expect(args).toEqual({ _: [] });
  });
});
