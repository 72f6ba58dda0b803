import { describe, expect, it } from 'vitest';
import { parseRegFile, RegSyntaxError } from './reg-file-parser';

const head = 'Windows Registry Editor Version 5.00\r\n\r\n';
const key = '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome]\r\n';

describe('the strict .reg grammar the deploy tests read artifacts with', () => {
  it('reads keys, REG_SZ with escapes, REG_DWORD and comments', () => {
    const keys = parseRegFile(`${head}; comment\r\n${key}"A"="x\\\\y \\"q\\""\r\n"B"=dword:0000000a\r\n`);
    expect([...keys.get('HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome')!]).toEqual([
      ['A', { type: 'REG_SZ', value: 'x\\y "q"' }],
      ['B', { type: 'REG_DWORD', value: 10 }],
    ]);
  });

  it.each([
    ['a missing header', `${key}"A"="x"\r\n`],
    ['LF line breaks', head.replace(/\r\n/g, '\n') + key.replace('\r\n', '\n')],
    ['a value outside a key', `${head}"A"="x"\r\n`],
    ['an unterminated string', `${head}${key}"A"="x\r\n`],
    ['an unknown escape', `${head}${key}"A"="x\\n"\r\n`],
    ['an unescaped quote', `${head}${key}"A"="x"y"\r\n`],
    ['a short dword', `${head}${key}"A"=dword:1\r\n`],
    ['an unsupported type', `${head}${key}"A"=hex:01,02\r\n`],
    ['a malformed key', `${head}[HKEY_LOCAL_MACHINE\\SOFTWARE\r\n`],
    ['an empty key component', `${head}[HKEY_LOCAL_MACHINE\\\\SOFTWARE]\r\n`],
    ['an unknown hive', `${head}[HKEY_NOWHERE\\SOFTWARE]\r\n`],
    ['a duplicate value', `${head}${key}"A"="x"\r\n"A"="y"\r\n`],
    ['a bare name', `${head}${key}A="x"\r\n`],
    ['non-ASCII text', `${head}${key}"A"="ä"\r\n`],
  ])('rejects %s', (_case, text) => {
    expect(() => parseRegFile(text)).toThrow(RegSyntaxError);
  });
});
