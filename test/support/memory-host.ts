import { diskHost, memoryHost as inMemory, type SourceHost } from '../../src/modules/host.js';

/**
 * The API's memoryHost, falling back to the whole disk for anything else (tests mix in-memory
 * fixtures with the real stdlib and policies).
 */
export function memoryHost(files: Readonly<Record<string, string>>, fallback: SourceHost = diskHost): SourceHost {
  return inMemory(files, fallback);
}
