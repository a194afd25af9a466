/** A reference to one related document, as clients and the Content Manager send it. */
export type RelationRef = { documentId: string } | { id: number };

/** What a write does to a to-one relation. */
export type ToOneChange = { kind: 'unchanged' } | { kind: 'clear' } | { kind: 'set'; ref: RelationRef };

type Raw = unknown;

function toRef(value: Raw): RelationRef | undefined {
  if (typeof value === 'string' && value !== '') return { documentId: value };
  if (typeof value === 'number' && Number.isInteger(value)) return { id: value };
  if (value && typeof value === 'object') {
    const candidate = value as { documentId?: unknown; id?: unknown };
    if (typeof candidate.documentId === 'string' && candidate.documentId !== '') {
      return { documentId: candidate.documentId };
    }
    if (typeof candidate.id === 'number') return { id: candidate.id };
    if (typeof candidate.id === 'string' && /^\d+$/.test(candidate.id)) return { id: Number(candidate.id) };
  }
  return undefined;
}

function lastRef(values: Raw[]): RelationRef | 'invalid' | undefined {
  if (values.length === 0) return undefined;
  return toRef(values[values.length - 1]) ?? 'invalid';
}

/**
 * Reads the change a write makes to a to-one relation from any of the input shapes Strapi 5
 * accepts: a documentId, an id, `{ documentId }`, `[x]`, `{ set }`, `{ connect, disconnect }`, or null.
 * Returns 'invalid' for a value that is none of these.
 */
export function readToOneChange(value: Raw): ToOneChange | 'invalid' {
  if (value === undefined) return { kind: 'unchanged' };
  if (value === null) return { kind: 'clear' };

  const direct = toRef(value);
  if (direct && !(typeof value === 'object' && ('connect' in value || 'set' in value))) {
    return { kind: 'set', ref: direct };
  }

  if (Array.isArray(value)) {
    const ref = lastRef(value);
    if (ref === 'invalid') return 'invalid';
    return ref ? { kind: 'set', ref } : { kind: 'clear' };
  }

  if (typeof value === 'object') {
    if (!('set' in value || 'connect' in value || 'disconnect' in value)) return 'invalid';
    const { set, connect, disconnect } = value as { set?: Raw; connect?: Raw; disconnect?: Raw };
    if (set !== undefined) {
      const list = Array.isArray(set) ? set : [set];
      const ref = lastRef(list);
      if (ref === 'invalid') return 'invalid';
      return ref ? { kind: 'set', ref } : { kind: 'clear' };
    }
    const connects = connect === undefined ? [] : Array.isArray(connect) ? connect : [connect];
    const disconnects = disconnect === undefined ? [] : Array.isArray(disconnect) ? disconnect : [disconnect];
    const ref = lastRef(connects);
    if (ref === 'invalid') return 'invalid';
    if (ref) return { kind: 'set', ref };
    return disconnects.length > 0 ? { kind: 'clear' } : { kind: 'unchanged' };
  }

  return 'invalid';
}
