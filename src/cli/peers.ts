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
 * Runs `load` (a dynamic import); when it fails because a peer dependency is not installed,
 * throws a usage error (exit 2) that says what to install, instead of a stack trace.
 */
export async function withPeers<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const peer = missingPeer(error);
    if (peer === null) throw error;
    const { install, for: purpose } = PEERS[peer];
    throw new UsageError(`${purpose} needs the package \`${peer}\`, which is not installed\n  help: install it next to bylaw: \`npm install ${install}\``);
  }
}
