import { describe, expect, it } from 'vitest';
import { parseDate, parseDuration } from '../../../src/core/feed/index';

describe('parseDate: every date shape seen in feeds, to ISO-8601 UTC', () => {
  it.each([
    ['Tue, 02 Mar 2021 10:30:00 +0100', '2021-03-02T09:30:00.000Z'],
    ['Tue, 02 Mar 2021 10:30:00 GMT', '2021-03-02T10:30:00.000Z'],
    ['02 Mar 2021 10:30:00 -0500', '2021-03-02T15:30:00.000Z'], // no weekday
    ['Tue,02 Mar 2021 10:30 EST', '2021-03-02T15:30:00.000Z'], // no space, no seconds
    ['Sun, 1 May 2005 00:00:00 PDT', '2005-05-01T07:00:00.000Z'],
    ['Wed, 4 May 2005 00:00:00 GMT EST', '2005-05-04T00:00:00.000Z'], // the first zone given wins
    ['Thu, 29 Nov 18 10:30:00 +0000', '2018-11-29T10:30:00.000Z'], // two-digit year
    ['Mon, 24 Mar 99 23:30:07 GMT', '1999-03-24T23:30:07.000Z'],
    ['Fri, 20 Apr 2007 00:00:00', '2007-04-20T00:00:00.000Z'], // no zone: UTC
    ['Thursday, 29 November 2018 10:30:00 CEST', '2018-11-29T08:30:00.000Z'],
    ['Mon, 05 Jan 2015 18:00:00 +05:30', '2015-01-05T12:30:00.000Z'],
    ['Mon, 5 Jan 2015 18:00:00 Z', '2015-01-05T18:00:00.000Z'],
    ['Di, 05 Okt 2010 12:00:00 +0200', '2010-10-05T10:00:00.000Z'], // German names
    ['2018-11-29T10:30:00Z', '2018-11-29T10:30:00.000Z'],
    ['2018-11-29T10:30:00.123-03:00', '2018-11-29T13:30:00.000Z'],
    ['2018-11-29 10:30:00', '2018-11-29T10:30:00.000Z'],
    ['2018-11-29', '2018-11-29T00:00:00.000Z'],
    ['November 29, 2018', '2018-11-29T00:00:00.000Z'],
    ['Nov 29, 2018 10:30:00 GMT', '2018-11-29T10:30:00.000Z'],
    ['  Tue, 02 Mar 2021 10:30:00 GMT  ', '2021-03-02T10:30:00.000Z'],
    ['Fri, 13 Oct 2017 16:47:14 Europe/Berlin', '2017-10-13T16:47:14.000Z'], // unnamed zone: UTC, not lost
    ['Tue, 02 Mar 2021 10:30:00 EST-5', '2021-03-02T15:30:00.000Z'],
    ['Tue, 02 Mar 121 10:30:00 GMT', '2021-03-02T10:30:00.000Z'], // Java's years since 1900
  ])('%s → %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each([
    [''],
    ['garbage'],
    ['ℐℑℒℓ℔✕✖✗✘⨒⨓ㄏㄐ'],
    ['Tue, 31 Feb 2021 10:00:00 GMT'],
    ['Tue, 02 Foo 2021 10:30:00 GMT'],
    ['2021-13-01'],
    ['Tue, 02 Mar 2021 25:30:00 GMT'],
    ['0000-00-00 00:00:00'],
    ['1e3'],
    ['Tue, 02 Mar 2021 10:30:00 +9900'],
    ['Wed, 30 Nov -0001 00:00:00 PST'],
    ['0001-01-01T00:00:00Z'], // PHP's and .NET's zero dates, not 2001
  ])('%s → null, never a crash or NaN', (input) => {
    expect(parseDate(input)).toBeNull();
  });
});

describe('parseDuration: seconds, MM:SS, HH:MM:SS, trimmed; junk is null', () => {
  it.each([
    ['1590', 1590],
    ['00:26:30 ', 1590],
    [' 26:30', 1590],
    ['1:02:03', 3723],
    ['75:30', 4530],
    ['0', 0],
    ['1014.708375', 1015],
    ['01:00:00.5', 3600],
    ['5:07', 307],
  ])('%s → %s', (input, expected) => {
    expect(parseDuration(input)).toBe(expected);
  });

  it.each([[''], ['junk'], ['1:2:3:4'], ['10:75'], ['1:75:00'], ['-5'], ['ℐℑℒℓ℔✕✖✗✘⨒⨓ㄏ'], ['12 min']])('%s → null', (input) => {
    expect(parseDuration(input)).toBeNull();
  });
});
