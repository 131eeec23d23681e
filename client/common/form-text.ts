// The text of one field of a submitted form. FormData answers null for a field the form lacks and
// a File for a file input; the staff forms that read text have neither, so both read as empty.
export function formText(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}
