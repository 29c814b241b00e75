/**
 * Rewrites the environment-variable table in README.md from src/platform/config/variables.ts
 * (between the env:start and env:end markers). `npm run docs:env`; a test fails when they differ.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { variables } from '../src/platform/config/variables.ts';

export function envTable(): string {
  const rows = Object.entries(variables).map(([name, v]) => {
    const def = v.defaultText === undefined ? 'unset' : `\`${v.defaultText}\``;
    const example = 'example' in v && v.example ? ` Example: \`${v.example}\`.` : '';
    const secret = 'secret' in v && v.secret ? ' *Secret.*' : '';
    return `| \`${name}\` | ${def} | ${v.description.replaceAll('|', '\\|')}.${example}${secret} |`.replace(
      '..',
      '.',
    );
  });
  return ['| variable | default | meaning |', '|---|---|---|', ...rows].join('\n');
}

const START = '<!-- env:start -->';
const END = '<!-- env:end -->';

if (import.meta.main) {
  const file = new URL('../README.md', import.meta.url);
  const readme = readFileSync(file, 'utf8');
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error('README.md lacks the env:start/env:end markers');
  writeFileSync(file, `${readme.slice(0, a + START.length)}\n${envTable()}\n${readme.slice(b)}`);
  process.stdout.write('README.md environment table updated\n');
}
