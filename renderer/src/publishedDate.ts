/// A document's publication date as the analyst reads it ("19 Nov 2021").
const format = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export function publishedDate(published: string | null): string {
  if (!published) return 'Undated';
  const date = new Date(`${published}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? published : format.format(date);
}
