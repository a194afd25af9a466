import { hashEvent, verifyChain, type ChainedEvent, type ChainedEventContent } from '../../../src/domain/event-chain';

function chain(contents: ChainedEventContent[]): ChainedEvent[] {
  let previous: string | null = null;
  return contents.map((content) => {
    const hash = hashEvent(content, previous);
    const event = { ...content, previousHash: previous, hash };
    previous = hash;
    return event;
  });
}

const base: ChainedEventContent = {
  document: 'doc1',
  sequence: 1,
  action: 'register',
  from: null,
  to: 'in_force',
  date: '2024-01-02',
  basisDocument: null,
  basisNumber: null,
  basisReference: null,
  reason: null,
  actor: 'admin:1',
  occurredAt: '2024-01-02T08:00:00.000Z',
};

const events = chain([
  base,
  { ...base, sequence: 2, action: 'amend', from: 'in_force', to: 'amended', date: '2024-05-01', basisDocument: 'doc2', basisNumber: '并政发〔2024〕3号' },
  { ...base, sequence: 3, action: 'repeal', from: 'amended', to: 'repealed', date: '2025-01-01', reason: '清理' },
]);

describe('event chain', () => {
  it('hashes to 64 hex characters, and differently for any change', () => {
    expect(events[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashEvent({ ...base, reason: '' }, null)).not.toBe(hashEvent(base, null));
  });

  it('verifies an untouched chain and an empty one', () => {
    expect(verifyChain(events)).toEqual({ valid: true });
    expect(verifyChain([])).toEqual({ valid: true });
  });

  it.each<[string, (list: ChainedEvent[]) => ChainedEvent[], number, string]>([
    ['an edited field', (l) => l.map((e) => (e.sequence === 2 ? { ...e, date: '2024-04-01' } : e)), 2, 'content does not match its hash'],
    ['a removed event', (l) => [l[0], l[2]], 3, 'expected sequence 2'],
    ['a swapped pair', (l) => [l[0], l[2], l[1]], 3, 'expected sequence 2'],
    ['a re-hashed middle event', (l) => l.map((e) => (e.sequence === 2 ? { ...e, reason: 'x', hash: hashEvent({ ...e, reason: 'x' }, e.previousHash) } : e)), 3, 'previous hash does not match'],
  ])('detects %s', (_case, tamper, brokenAt, reason) => {
    expect(verifyChain(tamper(events))).toEqual({ valid: false, brokenAt, reason });
  });
});
