/**
 * GitHub Actions workflow commands (`::error title=…::message`), escaped as GitHub's toolkit does
 * (@actions/core command.ts): in the message `%`, `\r`, `\n` become %25, %0D, %0A; in property values also
 * `:` and `,` become %3A and %2C. One command is always one line, whatever the message holds.
 */

export function escapeCommandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::command prop=value,…::message`; properties without a value are left out. */
export function workflowCommand(command: 'error' | 'warning' | 'notice', properties: Record<string, string | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${escapeCommandProperty(value)}`)
    .join(',');
  return `::${command}${props ? ` ${props}` : ''}::${escapeCommandData(message)}`;
}
