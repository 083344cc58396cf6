/**
 * What the surgical writer (src/xlsx/surgical.ts) uses of node:path, for the browser
 * build (webpack maps node:path here): posix join, normalize, dirname and basename over
 * the part names inside an .xlsx zip.
 */
function normalize(p: string): string {
  const absolute = p.startsWith('/');
  const out: string[] = [];
  for (const segment of p.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (segment !== '..' || !absolute) out.push(segment);
  }
  const joined = out.join('/');
  const trailing = p.endsWith('/') ? '/' : '';
  if (joined === '') return absolute ? '/' : `.${trailing}`;
  return (absolute ? '/' : '') + joined + trailing;
}

function join(...parts: string[]): string {
  const joined = parts.filter((part) => part !== '').join('/');
  return joined === '' ? '.' : normalize(joined);
}

function dirname(p: string): string {
  const trimmed = p.length > 1 ? p.replace(/\/+$/, '') : p;
  const slash = trimmed.lastIndexOf('/');
  if (slash < 0) return '.';
  return slash === 0 ? '/' : trimmed.slice(0, slash);
}

function basename(p: string): string {
  const trimmed = p.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

export const posix = { normalize, join, dirname, basename };
