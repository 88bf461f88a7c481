/** Types of scripts/make-icons.mjs, for the tests that compare its output with the committed icons. */
export function encodePng(size: number, pixel: (x: number, y: number) => number[]): Buffer;
export function colorIcon(): Buffer;
export function outlineIcon(): Buffer;
