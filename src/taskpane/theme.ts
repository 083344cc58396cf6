/**
 * The Fluent theme for Office's theme. The light theme is in the pane's first chunk; the
 * dark one is a chunk of its own, fetched only when Office is dark: index.tsx loads it
 * before the first paint, so a dark Office never shows a light frame.
 */
import { useEffect, useState } from 'react';
import { webLightTheme, type Theme } from '@fluentui/react-components';
import type { ThemeKind } from './service';

let darkTheme: Theme | undefined;
let loadingDark: Promise<Theme> | undefined;

export function loadTheme(kind: ThemeKind): Promise<Theme> {
  if (kind === 'light') return Promise.resolve(webLightTheme);
  if (darkTheme) return Promise.resolve(darkTheme);
  loadingDark ??= import(/* webpackChunkName: "theme-dark" */ './darkTheme').then(
    (m) => (darkTheme = m.webDarkTheme),
    (error: unknown) => {
      loadingDark = undefined; // the next call tries again
      throw error;
    },
  );
  return loadingDark;
}

/**
 * The theme for `kind` now. The dark theme is at hand once loadTheme('dark') has
 * resolved; until then (Office turned dark after the pane started) the light one, and the
 * dark one is fetched. If it cannot be fetched the pane stays light and usable.
 */
export function useTheme(kind: ThemeKind): Theme {
  const [, setLoaded] = useState<Theme>();
  useEffect(() => {
    if (kind === 'dark' && !darkTheme) loadTheme('dark').then(setLoaded, () => undefined);
  }, [kind]);
  return kind === 'dark' && darkTheme ? darkTheme : webLightTheme;
}

/** The page around the pane in the theme's colours: no white body margin in a dark Office. */
export function paintPage(theme: Theme, kind: ThemeKind): void {
  const body = document.body.style;
  body.margin = '0';
  body.backgroundColor = theme.colorNeutralBackground1;
  body.colorScheme = kind;
}
