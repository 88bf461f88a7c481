/** Input.Number wants a number: "60", "60 %" give 60; "" (nothing agreed yet) gives null, so the input has no `value`. */
export function inputNumber(text: string): number | null {
  const match = /^\s*(\d{1,3})(?!\d)/.exec(text);
  return match?.[1] === undefined ? null : Number(match[1]);
}
