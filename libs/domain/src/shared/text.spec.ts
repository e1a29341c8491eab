import { findTextProblem, isBlank } from './text';

describe('text', () => {
  it.each([
    ['plain', 'Acme rollout'],
    ['tab, line feed and carriage return', 'line 1\r\n\tline 2'],
    ['other scripts', 'Müller & Søn, 東京, Αθήνα, العربية'],
    ['a surrogate pair (emoji)', 'deal 🚀 done'],
    ['the edges of the rule', ' ~\u00a0\uffff'],
    ['nothing', ''],
  ])('accepts %s', (_label, text) => {
    expect(findTextProblem(text)).toBeUndefined();
  });

  it.each([
    ['NUL', 'a\u0000b', 'control-character', 1, 'U+0000'],
    ['an escape (terminal colours)', '\u001b[31mred', 'control-character', 0, 'U+001B'],
    ['a vertical tab', 'a\u000bb', 'control-character', 1, 'U+000B'],
    ['a unit separator', 'a\u001f', 'control-character', 1, 'U+001F'],
    ['DEL', 'a\u007f', 'control-character', 1, 'U+007F'],
    ['a C1 control', 'a\u0085b', 'control-character', 1, 'U+0085'],
    ['the last C1 control', '\u009f', 'control-character', 0, 'U+009F'],
    ['a lone high surrogate at the end', 'Acme \ud83d', 'lone-surrogate', 5, 'U+D83D'],
    ['a high surrogate before a non-surrogate', '\ud800x', 'lone-surrogate', 0, 'U+D800'],
    ['a lone low surrogate', 'x\udc00', 'lone-surrogate', 1, 'U+DC00'],
    ['a pair in the wrong order', '\ude80\ud83d', 'lone-surrogate', 0, 'U+DE80'],
    ['two high surrogates then a low one', '\ud83d\ud83d\ude80', 'lone-surrogate', 0, 'U+D83D'],
  ])('refuses %s', (_label, text, problem, index, codePoint) => {
    expect(findTextProblem(text)).toEqual({ problem, index, codePoint });
  });

  it('names the first problem when there are several', () => {
    expect(findTextProblem('ok 🚀 \u0007 \ud800')).toEqual({ problem: 'control-character', index: 6, codePoint: 'U+0007' });
  });

  it('knows blank text', () => {
    expect([isBlank(undefined), isBlank(' \n'), isBlank(3), isBlank('x')]).toEqual([true, true, true, false]);
  });
});
