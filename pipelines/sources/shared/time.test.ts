import { describe, expect, it } from 'vitest';
import {
  isUtcOffset,
  parseLocalTimestamp,
  resolveDateTime,
  resolveDateTimeLong,
  toInstant,
  utcAfter,
} from './time.ts';

describe('local timestamps', () => {
  it('accepts real dates, leap days included', () => {
    expect(parseLocalTimestamp('20240229235959')).toEqual({
      year: 2024,
      month: 2,
      day: 29,
      hour: 23,
      minute: 59,
      second: 59,
    });
  });
  it.each([
    '20230229120000',
    '20240431120000',
    '20241301000000',
    '20240101240000',
    '2024010112000',
    '2024010112000a',
  ])('rejects %s', (text) => expect(parseLocalTimestamp(text)).toBeNull());
});

describe('UTC offsets', () => {
  it.each(['+0000', '-0530', '+1400', '+0545'])('accepts %s', (t) =>
    expect(isUtcOffset(t)).toBe(true),
  );
  it.each(['0100', '+100', '+0160', '+1500', ' +0100'])('rejects %s', (t) =>
    expect(isUtcOffset(t)).toBe(false),
  );
});

describe('UTC derivation', () => {
  it('subtracts a positive offset across midnight and a month end', () => {
    expect(toInstant('20240301003000', '+0100')).toEqual({
      local: '2024-03-01T00:30:00',
      utcOffset: '+0100',
      utc: '2024-02-29T23:30:00Z',
      utcSeconds: Date.UTC(2024, 1, 29, 23, 30) / 1000,
    });
  });
  it('adds a negative offset with minutes', () => {
    expect(toInstant('20231231220000', '-0530').utc).toBe('2024-01-01T03:30:00Z');
  });
  it('keeps local time when the offset is unusable, and nothing when the timestamp is not a date', () => {
    expect(toInstant('20240301003000', 'bad')).toEqual({
      local: '2024-03-01T00:30:00',
      utcOffset: 'bad',
      utc: null,
      utcSeconds: null,
    });
    expect(toInstant('20240230003000', '+0100')).toEqual({
      local: null,
      utcOffset: '+0100',
      utc: null,
      utcSeconds: null,
    });
  });
  it('resolves a DateTime through the offset table, and a DateTimeLong by itself', () => {
    const table = new Map([[7, '+0300']]);
    expect(
      resolveDateTime({ localTimeStamp: '20240301120000', utcTimeOffsetCode: 7 }, table).utc,
    ).toBe('2024-03-01T09:00:00Z');
    expect(
      resolveDateTime({ localTimeStamp: '20240301120000', utcTimeOffsetCode: 8 }, table).utc,
    ).toBeNull();
    expect(
      resolveDateTimeLong({ localTimeStamp: '20240301120000', utcTimeOffset: '-0100' }).utc,
    ).toBe('2024-03-01T13:00:00Z');
  });
  it('adds whole seconds to the UTC time, across a day and beyond year 9999', () => {
    expect(utcAfter(toInstant('20240301235930', '+0000'), 45)).toBe('2024-03-02T00:00:15Z');
    expect(utcAfter(toInstant('99991231235959', '+0000'), 1)).toBe('+010000-01-01T00:00:00Z');
    expect(utcAfter(toInstant('00000301000000', '+0100'), 0)).toBe('0000-02-29T23:00:00Z');
    expect(utcAfter(toInstant('20240301235930', 'bad'), 45)).toBeNull();
    expect(utcAfter(toInstant('20240301235930', '+0000'), null)).toBeNull();
  });
});
