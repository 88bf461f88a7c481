import { describe, expect, it } from 'vitest';
import { checkPercentage, parsePercentage } from '../../../src/domain/percentage.js';

describe('parsePercentage (what a card sends)', () => {
  it.each([
    ['55', 55],
    [' 55 ', 55],
    ['0', 0],
    ['100', 100],
    ['007', 7],
    ['55 %', 55],
    ['55\u00a0%', 55],
    ['55%', 55],
    ['+55', 55],
    ['-0', 0],
    ['55.0', 55],
  ])('accepts %j as %s', (text, value) => {
    expect(parsePercentage(text)).toEqual({ type: 'ok', value });
  });

  it.each([
    ['55,5', 'decimal_comma'],
    ['55,', 'decimal_comma'],
    [',5', 'decimal_comma'],
    ['55,0', 'decimal_comma'],
    ['55.5', 'not_integer'],
    ['0.1', 'not_integer'],
    ['140', 'out_of_range'],
    ['101', 'out_of_range'],
    ['-1', 'out_of_range'],
    ['abc', 'not_a_number'],
    ['', 'not_a_number'],
    ['   ', 'not_a_number'],
    ['%', 'not_a_number'],
    ['1e2', 'not_a_number'],
    ['0x20', 'not_a_number'],
    ['5 5', 'not_a_number'],
    ['55 pour cent', 'not_a_number'],
    ['Infinity', 'not_a_number'],
  ])('refuses %j (%s)', (text, reason) => {
    expect(parsePercentage(text)).toEqual({ type: 'invalid', reason });
  });
});

describe('checkPercentage (a value already a number)', () => {
  it.each([
    [0, { type: 'ok', value: 0 }],
    [100, { type: 'ok', value: 100 }],
    [29, { type: 'ok', value: 29 }],
    [-1, { type: 'invalid', reason: 'out_of_range' }],
    [101, { type: 'invalid', reason: 'out_of_range' }],
    [140, { type: 'invalid', reason: 'out_of_range' }],
    [55.5, { type: 'invalid', reason: 'not_integer' }],
    [Number.NaN, { type: 'invalid', reason: 'not_a_number' }],
    ['55', { type: 'invalid', reason: 'not_a_number' }],
    [null, { type: 'invalid', reason: 'not_a_number' }],
  ])('%j → %j', (value, expected) => {
    expect(checkPercentage(value)).toEqual(expected);
  });
});
