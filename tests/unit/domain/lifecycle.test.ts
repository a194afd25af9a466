import {
  dueTransitions,
  initialValidity,
  LifecycleError,
  LIFECYCLE_RULES,
  planTransition,
  TRANSITION_ACTIONS,
  VALIDITIES,
  validityOn,
  periodsOf,
  type BasisDocument,
  type LifecycleDocument,
  type TransitionAction,
  type Validity,
} from '../../../src/domain/lifecycle';

const basis: BasisDocument = { documentId: 'basis', published: true, validity: 'in_force', documentNumber: '并政发〔2024〕3号' };

function doc(validity: Validity | null, overrides: Partial<LifecycleDocument> = {}): LifecycleDocument {
  return {
    documentId: 'target',
    validity,
    published: true,
    adoptedOn: '2020-01-10',
    effectiveFrom: '2020-02-01',
    validUntil: '2025-01-31',
    ...overrides,
  };
}

/** A request that satisfies everything but the state rule, for each action. */
const validRequest: Record<TransitionAction, Parameters<typeof planTransition>[1]> = {
  enter_into_force: { action: 'enter_into_force', date: '2020-02-01' },
  amend: { action: 'amend', date: '2024-03-01', basis },
  revise: { action: 'revise', date: '2024-03-01', basis },
  repeal: { action: 'repeal', date: '2024-03-01', basis },
  declare_invalid: { action: 'declare_invalid', date: '2024-03-01', basisReference: '并政办发〔2024〕9号 清理结果' },
  expire: { action: 'expire', date: '2025-02-01' },
  renew: { action: 'renew', date: '2024-12-01', validUntil: '2029-12-31' },
};

const expectedTo: Record<TransitionAction, Validity | 'same'> = {
  enter_into_force: 'in_force',
  amend: 'amended',
  revise: 'amended',
  repeal: 'repealed',
  declare_invalid: 'expired',
  expire: 'expired',
  renew: 'same',
};

const pairs = VALIDITIES.flatMap((state) => TRANSITION_ACTIONS.map((action) => [state, action] as const));

describe('every (state, action) pair', () => {
  it('covers 5 states × 7 actions', () => {
    expect(pairs).toHaveLength(35);
  });

  it.each(pairs)('%s + %s', (state, action) => {
    const allowed = LIFECYCLE_RULES[action].from.includes(state);
    const attempt = () => planTransition(doc(state), validRequest[action]);
    if (allowed) {
      const plan = attempt();
      expect(plan.from).toBe(state);
      expect(plan.to).toBe(expectedTo[action] === 'same' ? state : expectedTo[action]);
    } else {
      expect(attempt).toThrow(expect.objectContaining({ code: 'TRANSITION_NOT_ALLOWED', status: 409, field: 'action' }));
    }
  });

  it('allows exactly these pairs', () => {
    const allowed = pairs.filter(([state, action]) => LIFECYCLE_RULES[action].from.includes(state)).map((p) => p.join(' + '));
    expect(allowed).toEqual([
      'pending + enter_into_force',
      'pending + repeal',
      'pending + declare_invalid',
      'in_force + amend',
      'in_force + revise',
      'in_force + repeal',
      'in_force + declare_invalid',
      'in_force + expire',
      'in_force + renew',
      'amended + amend',
      'amended + revise',
      'amended + repeal',
      'amended + declare_invalid',
    ]);
  });
});

function refusal(fn: () => unknown): LifecycleError {
  try {
    fn();
  } catch (error) {
    if (error instanceof LifecycleError) return error;
    throw error;
  }
  throw new Error('expected a LifecycleError');
}

describe('what each action requires', () => {
  it.each<[string, LifecycleDocument, Parameters<typeof planTransition>[1], string, string]>([
    ['an unknown action', doc('in_force'), { action: 'abolish', date: '2024-01-01' }, 'UNKNOWN_ACTION', 'action'],
    ['a draft', doc(null, { published: false }), validRequest.repeal, 'DOCUMENT_NOT_PUBLISHED', 'documentId'],
    ['a malformed date', doc('in_force'), { ...validRequest.repeal, date: '2024/03/01' }, 'DATE_INVALID', 'date'],
    ['an impossible date', doc('in_force'), { ...validRequest.repeal, date: '2023-02-29' }, 'DATE_INVALID', 'date'],
    ['a date before the last recorded change', doc('in_force', { lastEventDate: '2024-03-02' }), validRequest.repeal, 'DATE_BEFORE_LAST_EVENT', 'date'],
    ['a date after today', doc('in_force'), { ...validRequest.repeal, today: '2024-02-29' }, 'DATE_IN_FUTURE', 'date'],
    ['a date the day before adoption', doc('in_force'), { ...validRequest.repeal, date: '2020-01-09' }, 'DATE_BEFORE_ADOPTION', 'date'],
    ['repeal with neither basis nor reference', doc('in_force'), { action: 'repeal', date: '2024-03-01' }, 'BASIS_REQUIRED', 'basisDocumentId'],
    ['repeal with a blank reference', doc('in_force'), { action: 'repeal', date: '2024-03-01', basisReference: '  ' }, 'BASIS_REQUIRED', 'basisDocumentId'],
    ['revise with only a reference', doc('in_force'), { action: 'revise', date: '2024-03-01', basisReference: 'x' }, 'BASIS_REQUIRED', 'basisDocumentId'],
    ['a basis that is the document itself', doc('in_force'), { ...validRequest.repeal, basis: { ...basis, documentId: 'target' } }, 'BASIS_IS_SELF', 'basisDocumentId'],
    ['an unpublished basis', doc('in_force'), { ...validRequest.repeal, basis: { ...basis, published: false } }, 'BASIS_NOT_PUBLISHED', 'basisDocumentId'],
    ['a basis not in force', doc('in_force'), { ...validRequest.repeal, basis: { ...basis, validity: 'repealed' } }, 'BASIS_NOT_IN_FORCE', 'basisDocumentId'],
    ['a pending basis', doc('in_force'), { ...validRequest.amend, basis: { ...basis, validity: 'pending' } }, 'BASIS_NOT_IN_FORCE', 'basisDocumentId'],
    ['a basis for expire', doc('in_force'), { ...validRequest.expire, basis }, 'BASIS_NOT_EXPECTED', 'basisDocumentId'],
    ['entry into force the day before the effective date', doc('pending'), { action: 'enter_into_force', date: '2020-01-31' }, 'DATE_BEFORE_EFFECTIVE', 'date'],
    ['expiry on the last day of the term', doc('in_force'), { action: 'expire', date: '2025-01-31' }, 'DATE_WITHIN_TERM', 'date'],
    ['expiry without a term', doc('in_force', { validUntil: null }), { action: 'expire', date: '2025-02-01' }, 'NO_TERM', 'action'],
    ['renew without a new end', doc('in_force'), { action: 'renew', date: '2024-12-01' }, 'VALID_UNTIL_REQUIRED', 'validUntil'],
    ['renew to the same end', doc('in_force'), { action: 'renew', date: '2024-12-01', validUntil: '2025-01-31' }, 'VALID_UNTIL_NOT_LATER', 'validUntil'],
  ])('refuses %s', (_case, document, request, code, field) => {
    expect(refusal(() => planTransition(document, request))).toMatchObject({ code, field });
  });

  it('accepts a change dated today', () => {
    expect(planTransition(doc('in_force'), { ...validRequest.repeal, today: '2024-03-01' }).date).toBe('2024-03-01');
  });

  it('accepts a change dated on the day of the last one', () => {
    expect(planTransition(doc('in_force', { lastEventDate: '2024-03-01' }), validRequest.repeal).to).toBe('repealed');
  });

  it('accepts a date on the adoption day and expiry on the first day after the term', () => {
    expect(planTransition(doc('in_force'), { ...validRequest.repeal, date: '2020-01-10' }).date).toBe('2020-01-10');
    expect(planTransition(doc('in_force'), { action: 'expire', date: '2025-02-01' }).to).toBe('expired');
  });

  it('links the basis document with the relation the action names', () => {
    expect(planTransition(doc('in_force'), validRequest.amend).link).toBe('amends');
    expect(planTransition(doc('in_force'), validRequest.revise).link).toBe('revises');
    expect(planTransition(doc('in_force'), validRequest.repeal).link).toBe('repeals');
    expect(planTransition(doc('in_force'), { action: 'repeal', date: '2024-03-01', basisReference: '市政府常务会议纪要' }).link).toBeUndefined();
  });

  it('records when a document stops being in force, once', () => {
    expect(planTransition(doc('in_force'), validRequest.amend).changes).toEqual({ validity: 'amended', noLongerInForceOn: '2024-03-01' });
    expect(planTransition(doc('amended'), validRequest.repeal).changes).toEqual({ validity: 'repealed' });
    expect(planTransition(doc('in_force'), validRequest.renew).changes).toEqual({ validity: 'in_force', validUntil: '2029-12-31' });
  });
});

describe('initialValidity', () => {
  it.each([
    [null, null, 'in_force'],
    ['2026-11-25', null, 'in_force'],
    ['2026-11-26', '2031-11-25', 'in_force'],
    ['2026-11-27', '2031-11-26', 'pending'],
    ['2020-01-01', '2026-11-26', 'in_force'],
    ['2020-01-01', '2026-11-25', 'expired'],
  ])('effective from %s, valid until %s, published on 2026-11-26: %s', (effectiveFrom, validUntil, expected) => {
    expect(initialValidity(effectiveFrom, validUntil, '2026-11-26')).toBe(expected);
  });
});

describe('dueTransitions', () => {
  const pending = { validity: 'pending' as const, effectiveFrom: '2026-12-01', validUntil: '2031-11-30' };

  it.each([
    ['the day before it takes effect', pending, '2026-11-30', []],
    ['the day it takes effect', pending, '2026-12-01', [{ action: 'enter_into_force', date: '2026-12-01' }]],
    ['the last day of the term', { ...pending, validity: 'in_force' as const }, '2031-11-30', []],
    ['the day after the term', { ...pending, validity: 'in_force' as const }, '2031-12-01', [{ action: 'expire', date: '2031-12-01' }]],
    [
      'years late, both at once',
      pending,
      '2032-05-01',
      [
        { action: 'enter_into_force', date: '2026-12-01' },
        { action: 'expire', date: '2031-12-01' },
      ],
    ],
    ['a repealed document', { ...pending, validity: 'repealed' as const }, '2032-05-01', []],
    ['an open-ended document', { validity: 'in_force' as const, effectiveFrom: '2020-01-01', validUntil: null }, '2040-01-01', []],
  ])('%s', (_case, document, today, expected) => {
    expect(dueTransitions(document, today)).toEqual(expected);
  });
});

describe('validityOn', () => {
  const events = [
    { date: '2020-01-20', to: 'pending' as const, sequence: 1 },
    { date: '2020-02-01', to: 'in_force' as const, sequence: 2 },
    { date: '2024-03-01', to: 'amended' as const, sequence: 3 },
    { date: '2024-03-01', to: 'repealed' as const, sequence: 4 },
  ];

  it.each([
    ['2020-01-19', null],
    ['2020-01-20', 'pending'],
    ['2020-01-31', 'pending'],
    ['2020-02-01', 'in_force'],
    ['2024-02-29', 'in_force'],
    ['2024-03-01', 'repealed'],
    ['2030-01-01', 'repealed'],
  ])('on %s: %s', (date, expected) => {
    expect(validityOn(events, date)).toBe(expected);
  });

  it('orders by date, not by the order the events are given in', () => {
    expect(validityOn([...events].reverse(), '2024-02-29')).toBe('in_force');
  });
});

describe('periodsOf', () => {
  const events = [
    { date: '2020-01-20', to: 'pending' as const, sequence: 1 },
    { date: '2020-02-01', to: 'in_force' as const, sequence: 2 },
    { date: '2024-03-01', to: 'amended' as const, sequence: 3 },
    { date: '2024-03-01', to: 'repealed' as const, sequence: 4 },
  ];
  const periods = periodsOf(events);

  it('opens a period at each event, closed by the next', () => {
    expect(periods).toEqual([
      { validity: 'pending', sequence: 1, validFrom: '2020-01-20', validTo: '2020-02-01' },
      { validity: 'in_force', sequence: 2, validFrom: '2020-02-01', validTo: '2024-03-01' },
      { validity: 'amended', sequence: 3, validFrom: '2024-03-01', validTo: '2024-03-01' },
      { validity: 'repealed', sequence: 4, validFrom: '2024-03-01', validTo: null },
    ]);
  });

  it.each(['2020-01-19', '2020-01-20', '2020-01-31', '2020-02-01', '2024-02-29', '2024-03-01', '2030-01-01'])(
    'on %s, says what validityOn says, with at most one period',
    (date) => {
      const covering = periods.filter((period) => period.validFrom <= date && (period.validTo === null || period.validTo > date));
      expect(covering.length).toBeLessThanOrEqual(1);
      expect(covering[0]?.validity ?? null).toBe(validityOn(events, date));
    },
  );
});
