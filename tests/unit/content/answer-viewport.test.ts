import { describe, expect, it } from 'vitest';
import { childrenAway, splitSpans, type ChildSpan } from '../../../lib/content/answer-viewport';

describe('childrenAway: the children of an answer re-rendered whole that can wait for an idle moment', () => {
  it.each<[string, { first: number; last: number; count: number }, ChildSpan[] | null]>([
    [
      'the view at the top: those below the near ones, up to the last one measured',
      { first: 0, last: 9, count: 100 },
      [[10, 98]],
    ],
    [
      'the view in the middle: those above and those below',
      { first: 40, last: 49, count: 100 },
      [
        [0, 39],
        [50, 98],
      ],
    ],
    ['the view at the end: those above', { first: 90, last: 99, count: 100 }, [[0, 89]]],
    ['everything near: none', { first: 0, last: 99, count: 100 }, null],
    [
      'near up to the one before the last: none (the last one is restored anyway)',
      { first: 0, last: 98, count: 100 },
      null,
    ],
    [
      'nothing near, the view above the answer: all but the last',
      { first: 0, last: -1, count: 100 },
      [[0, 98]],
    ],
    [
      'nothing near, the view below the answer: all but the last',
      { first: 100, last: 99, count: 100 },
      [[0, 98]],
    ],
    ['no children: none', { first: 0, last: -1, count: 0 }, null],
  ])('%s', (_, near, spans) => {
    expect(childrenAway(near)).toEqual(spans);
  });
});

describe('splitSpans: waiting children a scroll brought near', () => {
  it.each<[string, ChildSpan[], number, number, { now: ChildSpan[]; later: ChildSpan[] }]>([
    ['none near', [[10, 98]], 0, 9, { now: [], later: [[10, 98]] }],
    ['the start of a span', [[10, 98]], 5, 20, { now: [[10, 20]], later: [[21, 98]] }],
    [
      'the middle of a span',
      [[10, 98]],
      40,
      49,
      {
        now: [[40, 49]],
        later: [
          [10, 39],
          [50, 98],
        ],
      },
    ],
    ['the end of a span', [[10, 98]], 90, 120, { now: [[90, 98]], later: [[10, 89]] }],
    [
      'a whole span, another untouched',
      [
        [0, 9],
        [50, 98],
      ],
      0,
      20,
      { now: [[0, 9]], later: [[50, 98]] },
    ],
    [
      'parts of two spans',
      [
        [0, 39],
        [50, 98],
      ],
      30,
      60,
      {
        now: [
          [30, 39],
          [50, 60],
        ],
        later: [
          [0, 29],
          [61, 98],
        ],
      },
    ],
  ])('%s', (_, spans, first, last, expected) => {
    expect(splitSpans(spans, first, last)).toEqual(expected);
  });
});
