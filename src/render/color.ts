/** `hex` moved towards `towards` by `amount` (0–1): tints for fills without PDF transparency. */
export function mix(hex: string, towards: string, amount: number): string {
  const channel = (color: string, index: number) => parseInt(color.slice(index, index + 2), 16);
  let out = "";
  for (const index of [0, 2, 4]) {
    const value = Math.round(channel(hex, index) * (1 - amount) + channel(towards, index) * amount);
    out += Math.min(255, Math.max(0, value)).toString(16).padStart(2, "0");
  }
  return out.toUpperCase();
}
