import type { EnumType, RecordType } from '../../checker/program.js';
import { fieldRef, rawReader, type Reader } from './conditions.js';
import type { Dialect } from './dialect.js';

/**
 * Per-row features, for dialects that can compute them in an inner query and drop them again
 * (DuckDB). Comparing strings and searching lists is what costs in SQL; conditions repeat the same
 * few tests many times (every exemption re-tests its rules' categories). So each enum field
 * becomes its member index once (`CASE role WHEN 'ordinary' THEN 0 … END`, NULL for a non-member)
 * and each set its bit mask once (bit k for member k); conditions then compare integers and test
 * bits, and validation reads the same features (a NULL index is a bad enum value; a set is valid
 * when its mask has one bit per element: a duplicate carries into another bit, a non-member or
 * NULL adds none).
 */
export interface Feature {
  /** The quoted column name. */
  readonly column: string;
  readonly path: readonly string[];
  readonly kind: 'enum' | 'set';
  readonly members: readonly string[];
  /** The expression over the input columns. */
  readonly expr: string;
}

/** Sets of up to 62 members fit a BIGINT mask (bit 63 is the sign). */
const MAX_MASK_MEMBERS = 62;

/**
 * Feature columns are named `$bylaw_<n>` (`$bylaw_<prefix>_<n>` with a prefix, to compute the
 * features of two policies in one query): a `$` never appears in a Bylaw name, so no input
 * column can clash.
 */
export function featureColumn(n: number, prefix = ''): string {
  return prefix === '' ? `$bylaw_${n}` : `$bylaw_${prefix}_${n}`;
}

export class Features {
  readonly list: Feature[] = [];

  constructor(
    private readonly d: Dialect,
    type: RecordType,
    prefix = '',
    enabled = true,
  ) {
    const f = d.features;
    if (!f || !enabled) return;
    const walk = (record: RecordType, path: readonly string[]) => {
      for (const field of record.fields) {
        const at = [...path, field.name];
        const ref = fieldRef(d, at);
        const column = d.ident(featureColumn(this.list.length + 1, prefix));
        if (field.type.kind === 'enum') {
          const members = field.type.members;
          const expr = `CASE ${ref} ${members.map((m, k) => `WHEN ${d.string(m)} THEN ${k}`).join(' ')} END`;
          this.list.push({ column, path: at, kind: 'enum', members, expr });
        } else if (field.type.kind === 'set' && field.type.element.members.length <= MAX_MASK_MEMBERS) {
          const members = field.type.element.members;
          const expr = f.mask(ref, members.map((m) => d.string(m)));
          this.list.push({ column, path: at, kind: 'set', members, expr });
        } else if (field.type.kind === 'record') {
          walk(field.type, at);
        }
      }
    };
    walk(type, []);
  }

  /** The feature of a field with exactly these members, if any. */
  find(path: readonly string[], kind: 'enum' | 'set', members: readonly string[]): Feature | undefined {
    const key = path.join('\u0000');
    return this.list.find(
      (f) => f.kind === kind && f.path.join('\u0000') === key && f.members.length === members.length && f.members.every((m, i) => m === members[i]),
    );
  }

  /** The column of a feature, as read in the outer query. */
  ref(feature: Feature, alias: string): string {
    return `${this.d.ident(alias)}.${feature.column}`;
  }

  /** Reads enums and sets through their features (where they have one), the rest raw. */
  reader(alias: string): Reader {
    const raw = rawReader(this.d);
    return {
      field: (path, type) => {
        const feature = type.kind === 'enum' ? this.find(path, 'enum', type.members) : undefined;
        return feature ? this.ref(feature, alias) : raw.field(path, type);
      },
      member: (path, type: EnumType, member) => {
        // As the field it is compared with is read: an index where that field has a feature.
        if (path === null || !this.find(path, 'enum', type.members)) return raw.member(path, type, member);
        const index = type.members.indexOf(member);
        if (index < 0) throw new Error(`${member} is not a member of ${type.name}`);
        return String(index);
      },
      has: (path, element, member) => {
        const feature = this.find(path, 'set', element.members);
        if (!feature) return raw.has(path, element, member);
        const bit = 2 ** element.members.indexOf(member);
        return `((${this.ref(feature, alias)} & ${bit}) <> 0)`;
      },
    };
  }
}
