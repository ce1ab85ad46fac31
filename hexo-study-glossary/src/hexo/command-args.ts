/**
 * What the command line of this run asks of Hexo, read as Hexo reads it.
 */
import type Hexo from 'hexo';

function args(hexo: Hexo): Record<string, unknown> {
  return (hexo.env.args ?? {}) as Record<string, unknown>;
}

/** Whether Hexo shows drafts in this run, by the test of its own `_showDrafts()`. */
export function showsDrafts(hexo: Hexo): boolean {
  const given = args(hexo);
  return Boolean(given['draft'] || given['drafts'] || hexo.config.render_drafts);
}

/** Whether this is `hexo server --static` (`-s`), which serves public/ and never the routes. */
export function servesStaticFiles(hexo: Hexo): boolean {
  const given = args(hexo);
  return Boolean(given['s'] || given['static']);
}

/** The address `hexo server` listens on, as hexo-server reads it (`-i`, `--ip`, `server.ip`); `undefined`: every interface. */
export function serverAddress(hexo: Hexo): string | undefined {
  const given = args(hexo);
  const ip = given['i'] || given['ip'] || (hexo.config as { server?: { ip?: unknown } }).server?.ip;
  return typeof ip === 'string' && ip !== '' ? ip : undefined;
}

/** Whether this run is `hexo generate`, or `hexo deploy`, which generates first with `-g` (by any alias Hexo gives them). */
export function generatesSite(hexo: Hexo): boolean {
  const command = (hexo.extend.console.alias as Record<string, string | undefined>)[hexo.env.cmd ?? ''];
  return command === 'generate' || command === 'deploy';
}
