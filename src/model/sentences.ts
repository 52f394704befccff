/**
 * Rejoins the pieces of a text split at full stops where the data marks the stop as stray (a
 * list goes on after it: "through Innovation Clusters. Technology Business Incubators, …"), so
 * no sentence is cut there. `strays` are verbatim snippets spanning such a stop.
 */
export function joinAtStrayStops(pieces: readonly string[], strays: readonly string[]): string[] {
  const out: string[] = [];
  for (const piece of pieces) {
    const last = out[out.length - 1];
    const joined = last === undefined ? piece : `${last} ${piece}`;
    const spans = (snippet: string): boolean =>
      last !== undefined &&
      joined.includes(snippet) &&
      !last.includes(snippet) &&
      !piece.includes(snippet);
    if (last !== undefined && strays.some(spans)) out[out.length - 1] = joined;
    else out.push(piece);
  }
  return out;
}
