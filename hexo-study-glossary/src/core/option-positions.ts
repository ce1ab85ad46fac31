/**
 * Gives the messages about `glossary:` options the line and column of what
 * they are about in `_config.yml`, as every other problem the plugin
 * reports has (`file:line:column: message`):
 * `_config.yml: "glossary.link" must be …` becomes
 * `_config.yml:12:9: "glossary.link" must be …`, at the value written, or
 * at the key of an unknown option.
 *
 * The options are checked as Hexo hands them over, already parsed and
 * without positions (options.ts); this reads the file again for them, once,
 * and only when something is wrong.
 */
import { childNode, keyNode, parseYaml, type PositionNode } from './yaml-positions.js';

const optionMessage = /^_config\.yml: (unknown option )?"(glossary(?:\.[\w-]+)*|timezone)"/;

/**
 * `messages` with positions where `config`, the text of the file `name`
 * (default `_config.yml`), has what they name; the others as they are.
 */
export function placeOptionProblems(messages: readonly string[], config: string, name = '_config.yml'): string[] {
  let parsed: ReturnType<typeof parseYaml>;
  try {
    parsed = parseYaml(config, name);
  } catch {
    return [...messages]; // Hexo reports a broken _config.yml itself
  }
  return messages.map((message) => {
    const found = optionMessage.exec(message);
    if (!found) return message;
    const [, unknown, option = ''] = found;
    const segments = option.split('.');
    const last = segments.pop() ?? '';
    let parent: PositionNode | undefined = parsed.root;
    for (const segment of segments) parent = childNode(parent, segment);
    const node = unknown ? keyNode(parent, last) : childNode(parent, last) ?? keyNode(parent, last);
    if (!node) return message;
    const { line, column } = parsed.positionOf(node.start);
    return `${name}:${line}:${column}:${message.slice('_config.yml:'.length)}`;
  });
}
