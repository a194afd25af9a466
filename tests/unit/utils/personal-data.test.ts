import { decryptPersonal, encryptPersonal, maskPersonal } from '../../../src/utils/personal-data';

describe('maskPersonal', () => {
  it.each([
    ['110101199003071234', '1101****1234'],
    ['13912345678', '13****78'],
    ['E12345678', 'E1****78'],
    ['李四光明', '李****明'],
    ['张三丰', '****'],
    ['a', '****'],
    ['山西晋阳测试科技有限公司', '山西晋****限公司'],
    ['𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇', '𠀀𠀁****𠀆𠀇'],
    ['', null],
    [null, null],
  ])('shows %j as %j: never more than a quarter at each end, never its length', (value, masked) => {
    expect(maskPersonal(value)).toBe(masked);
  });
});

describe('sealing', () => {
  it('opens what it sealed with the same key, and nothing with another', () => {
    const sealed = encryptPersonal('110101199003071234', 'key-one');
    expect(sealed).toMatch(/^pd1:/);
    expect(sealed).not.toContain('1234');
    expect(decryptPersonal(sealed, 'key-one')).toBe('110101199003071234');
    expect(decryptPersonal(sealed, 'key-two')).toBeNull();
  });
});
