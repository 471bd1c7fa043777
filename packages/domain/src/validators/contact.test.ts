import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone } from './mask';
import { isMobilePhone, validatePhone } from './phone';

describe('validatePhone', () => {
  it.each([
    ['13812345678', 'mobile', '13812345678'],
    ['+86 138 1234 5678', 'mobile', '13812345678'],
    ['8619912345678', 'mobile', '19912345678'],
    ['010-12345678', 'landline', '010-12345678'],
    ['(010)62345678', 'landline', '010-62345678'],
    ['021 62345678', 'landline', '021-62345678'],
    ['0722-3456789', 'landline', '0722-3456789'],
    ['07223456789', 'landline', '0722-3456789'],
    ['0722-3456789-801', 'landline', '0722-3456789-801'],
  ])('%s is a valid %s number', (value, kind, normalized) => {
    expect(validatePhone(value)).toEqual({ ok: true, kind, normalized });
  });

  it.each([
    ['12812345678', '手机号码应为11位数字，以13-19开头'],
    ['1381234567', '手机号码应为11位数字，以13-19开头'],
    ['62345678', '固定电话请填写区号，如 010-12345678'],
    ['abc', '电话号码格式不正确：请填写11位手机号码或带区号的固定电话'],
    ['010-1234', '电话号码格式不正确：请填写11位手机号码或带区号的固定电话'],
  ])('%s is rejected', (value, message) => {
    expect(validatePhone(value)).toEqual({ ok: false, code: 'PHONE_FORMAT', message });
  });

  it('recognises mobile numbers', () => {
    expect(isMobilePhone('138-1234-5678')).toBe(true);
    expect(isMobilePhone('010-12345678')).toBe(false);
  });
});

describe('masking', () => {
  it('masks ID numbers keeping the first 3 and last 4 characters', () => {
    expect(maskIdNumber('420106199001011234')).toBe('420***********1234');
    expect(maskIdNumber('E12345678')).toBe('E12**5678');
    expect(maskIdNumber('12345')).toBe('1***5');
  });

  it('masks phone numbers', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('010-12345678')).toBe('010-****5678');
    expect(maskPhone('0722-3456789-801')).toBe('0722-***6789-801');
  });

  it('masks names by code point', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('王小明')).toBe('王*明');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('𠮷野家')).toBe('𠮷*家');
    expect(maskName('李')).toBe('*');
  });
});
