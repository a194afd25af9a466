import { normalizeDocumentNumber, parseDocumentNumber } from '../../../src/domain/document-number';

describe('normalizeDocumentNumber', () => {
  it.each([
    ['并政发[2020]12号', '并政发〔2020〕12号'],
    ['并政发［2020］12号', '并政发〔2020〕12号'],
    ['并政发【2020】12号', '并政发〔2020〕12号'],
    ['并政发（2020）12号', '并政发〔2020〕12号'],
    ['并政发(2020)12号', '并政发〔2020〕12号'],
    ['并政发﹝2020﹞12号', '并政发〔2020〕12号'],
    ['并政发〔２０２０〕１２号', '并政发〔2020〕12号'],
    ['并政发〔2020〕第12号', '并政发〔2020〕12号'],
    ['并政发〔2020〕012号', '并政发〔2020〕12号'],
    [' 并政发 〔2020〕 12 号 ', '并政发〔2020〕12号'],
    ['国办公开办函〔2021〕30号', '国办公开办函〔2021〕30号'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeDocumentNumber(input)).toBe(expected);
  });
});

describe('parseDocumentNumber', () => {
  it('splits issuer code, year and serial', () => {
    expect(parseDocumentNumber('并政办发[2021]7号')).toEqual({
      valid: true,
      number: { issuerCode: '并政办发', year: 2021, serial: 7, text: '并政办发〔2021〕7号' },
    });
  });

  it.each([
    ['并政发2020年12号', 'must read issuer code + 〔year〕 + serial + 号, e.g. 并政发〔2020〕12号'],
    ['〔2020〕12号', 'must read issuer code + 〔year〕 + serial + 号, e.g. 并政发〔2020〕12号'],
    ['并政发〔2020〕12', 'must read issuer code + 〔year〕 + serial + 号, e.g. 并政发〔2020〕12号'],
    ['并政发〔20〕12号', 'must read issuer code + 〔year〕 + serial + 号, e.g. 并政发〔2020〕12号'],
    ['并政发〔1948〕12号', 'year 1948 is out of range'],
    ['并政发〔2020〕0号', 'serial must be 1 or more'],
    ['并〔2019〕政发〔2020〕1号', 'issuer code must not contain 〔〕'],
  ])('rejects %s', (input, reason) => {
    expect(parseDocumentNumber(input)).toMatchObject({ valid: false, reason });
  });
});
