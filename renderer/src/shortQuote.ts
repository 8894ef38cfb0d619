/// The start of a quote, short enough for a label ("Delete highlight “…”").
export function shortQuote(exact: string): string {
  const flat = exact.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}
