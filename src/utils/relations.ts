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

/**
 * Every document a write links a relation to, from any shape Strapi 5 accepts for to-one and
 * to-many relations (`x`, `[x, y]`, `{ set }`, `{ connect }`), ignoring what it disconnects.
 * Returns 'invalid' for a value that is none of these.
 */
export function readLinkedRefs(value: Raw): RelationRef[] | 'invalid' {
  if (value === undefined || value === null) return [];
  const list = (items: Raw): RelationRef[] | 'invalid' => {
    const refs: RelationRef[] = [];
    for (const item of Array.isArray(items) ? items : [items]) {
      const ref = toRef(item);
      if (!ref) return 'invalid';
      refs.push(ref);
    }
    return refs;
  };
  if (Array.isArray(value)) return list(value);
  if (typeof value === 'object' && ('set' in value || 'connect' in value || 'disconnect' in value)) {
    const { set, connect } = value as { set?: Raw; connect?: Raw };
    const linked: RelationRef[] = [];
    for (const part of [set, connect]) {
      if (part === undefined || part === null) continue;
      const refs = list(part);
      if (refs === 'invalid') return 'invalid';
      linked.push(...refs);
    }
    return linked;
  }
  const direct = toRef(value);
  return direct ? [direct] : 'invalid';
}
