import { UsageError } from './io.js';

/**
 * Peer dependencies the CLI loads on demand: the user installs them (prettier for `fmt` and
 * `lsp`, normally installed with bylaw by npm; DuckDB only for `replay --engine duckdb`, 68 MB
 * of native code that nobody else needs). Keep the versions equal to package.json's
 * `peerDependencies` (a test checks).
 */
export const PEERS = {
  prettier: { install: 'prettier@^3.0.0', for: 'formatting (`bylaw fmt`, `bylaw lsp`)' },
  '@duckdb/node-api': { install: '@duckdb/node-api@1.5.6-r.1', for: '`--engine duckdb`' },
} as const;

type Peer = keyof typeof PEERS;

/** The peer a failed import was missing, if that is why it failed. */
export function missingPeer(error: unknown): Peer | null {
  if ((error as NodeJS.ErrnoException | null)?.code !== 'ERR_MODULE_NOT_FOUND') return null;
  const message = String((error as Error).message);
  for (const name of Object.keys(PEERS) as Peer[]) {
    if (message.includes(`'${name}'`) || message.includes(`"${name}"`)) return name;
  }
  return null;
}

/**
 * The usage error (exit 2) for an import that failed because a peer dependency is not installed:
 * it says what to install. Null for any other error. main.ts applies it to whatever a command
 * throws, so every command that loads a peer (lazily, with `import()`) gets the same message.
 */
export function missingPeerError(error: unknown): UsageError | null {
  const peer = missingPeer(error);
  if (peer === null) return null;
  const { install, for: purpose } = PEERS[peer];
  return new UsageError(`${purpose} needs the package \`${peer}\`, which is not installed\n  help: install it next to bylaw: \`npm install ${install}\``);
}
