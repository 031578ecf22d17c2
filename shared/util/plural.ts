// Counted nouns for messages the user reads: "1 cell", "3 cells", "1,200 projects".
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}
