/**
 * What the surgical writer (src/xlsx/surgical.ts, package.ts, transplant.ts) uses of node:path, for the browser
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

/** As node's posix dirname, quirks included (`//a` keeps its two slashes, `a//b` gives `a/`). */
function dirname(p: string): string {
  if (p === '') return '.';
  const hasRoot = p.startsWith('/');
  let end = -1;
  let matchedSlash = true;
  for (let i = p.length - 1; i >= 1; i--) {
    if (p[i] === '/') {
      if (!matchedSlash) {
        end = i;
        break;
      }
    } else {
      matchedSlash = false;
    }
  }
  if (end === -1) return hasRoot ? '/' : '.';
  if (hasRoot && end === 1) return '//';
  return p.slice(0, end);
}

function basename(p: string): string {
  const trimmed = p.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

export const posix = { normalize, join, dirname, basename };
