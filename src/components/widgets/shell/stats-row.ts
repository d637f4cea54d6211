/** A row of StatsTable.astro: `tr[data-stat=key]`, its row header and its cells with their attributes. */
export interface StatsRow {
  readonly key: string;
  readonly label: string;
  readonly cells: readonly { readonly text: string; readonly attrs?: Readonly<Record<string, string | boolean>> }[];
}
