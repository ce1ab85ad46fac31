import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/site.js';

describe('the installed packages', () => {
  it('all run on Node.js 20.19, the version the README asks for', () => {
    const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { engines?: { node?: string } | string[] }>;
    };
    const refusing = Object.entries(lock.packages)
      .filter(([, entry]) => {
        const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
        return range !== undefined && !semver.satisfies('20.19.0', range);
      })
      .map(([path, entry]) => `${path}: ${JSON.stringify(entry.engines)}`);
    expect(refusing).toEqual([]);
  });
});
